/** What the bench scenarios start from, written straight to the database (bench.ts and bench-db.ts). */
import type { App } from '../src/app.ts'
import { inTx } from '../src/db/client.ts'

/** 1 000 activities of the district's first member, a session each over fifty days: the listing's load. */
export async function seedActivities(app: App): Promise<void> {
  const district = await app.db.district.findFirstOrThrow()
  const organizer = await app.db.member.findFirstOrThrow()
  await inTx(app.db, async (tx) => {
    for (let i = 0; i < 1000; i++) {
      const day = new Date(Date.UTC(2026, 10, 24 + (i % 50))).toISOString().slice(0, 10)
      await tx.activity.create({
        data: {
          districtId: district.id, organizerId: organizer.id, title: `听课${i}`, whenText: day, whenJson: '{}',
          occurrences: { create: { districtId: district.id, date: day, startAt: new Date(`${day}T05:30:00Z`), timed: true } },
        },
      })
    }
  })
}

/** 1 000 Lark groups of 10 districts, five sessions each on the day: the weekly digest's fan-out. */
export async function seedGroups(app: App): Promise<void> {
  await inTx(app.db, async (tx) => {
    const organizer = await tx.member.findFirstOrThrow()
    for (let d = 0; d < 10; d++) {
      const district = await tx.district.create({ data: { name: `学区${d}` } })
      await tx.semester.create({ data: { districtId: district.id, name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' } })
      await tx.group.createMany({ data: Array.from({ length: 100 }, (_, g) => ({ platform: 'lark', chatId: `oc_${d}_${g}`, districtId: district.id })) })
      for (let a = 0; a < 5; a++) {
        await tx.activity.create({
          data: {
            districtId: district.id, organizerId: organizer.id, title: `联合教研${a}`, whenText: '11月25日', whenJson: '{}', capacity: 40,
            occurrences: { create: { districtId: district.id, date: '2026-11-25', startAt: new Date(`2026-11-25T0${a + 1}:30:00Z`), timed: true } },
          },
        })
      }
    }
  })
}
