import type { Config } from '../config.ts'
import type { DistrictDefaults } from './districts.ts'

/** A new district starts from the deployment's defaults (see .env.example). */
export function districtDefaults(config: Config): DistrictDefaults {
  return {
    timezone: config.DEFAULT_TIMEZONE,
    morningAt: config.DEFAULT_MORNING,
    afternoonAt: config.DEFAULT_AFTERNOON,
    eveningAt: config.DEFAULT_EVENING,
  }
}
