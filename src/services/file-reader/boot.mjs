// The parse worker's entry. In Node 20 a worker thread does not inherit the
// loader hooks that `node --import tsx` registered in the main thread, so it
// registers tsx itself before loading the TypeScript reader.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
