/**
 * Visits held column-wise in typed arrays: a million of them as objects would cost hundreds
 * of megabytes and most of the generation time.
 */
export class Interner {
  readonly values: string[] = []
  private readonly index = new Map<string, number>()

  of(value: string): number {
    let i = this.index.get(value)
    if (i === undefined) {
      i = this.values.length
      this.values.push(value)
      this.index.set(value, i)
    }
    return i
  }
}

export const MODE_ONSITE = 0
export const MODE_ONLINE = 1

export class VisitBuffer {
  length = 0
  person = new Int32Array(1024)
  session = new Int32Array(1024)
  program = new Int32Array(1024)
  day = new Int32Array(1024)
  mode = new Uint8Array(1024)
  nights = new Uint8Array(1024)
  municipality = new Int32Array(1024)
  purpose = new Int32Array(1024)
  createdMs = new Float64Array(1024)
  readonly municipalities = new Interner()
  readonly purposes = new Interner()

  push(v: {
    person: number
    session: number
    program: number
    day: number
    mode: number
    nights: number
    municipalityCode: string
    purpose: string
    createdMs: number
  }): void {
    if (this.length === this.person.length) this.grow()
    const i = this.length++
    this.person[i] = v.person
    this.session[i] = v.session
    this.program[i] = v.program
    this.day[i] = v.day
    this.mode[i] = v.mode
    this.nights[i] = Math.min(255, v.nights)
    this.municipality[i] = this.municipalities.of(v.municipalityCode)
    this.purpose[i] = this.purposes.of(v.purpose)
    this.createdMs[i] = v.createdMs
  }

  private grow(): void {
    const size = this.person.length * 2
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size)
      b.set(a)
      return b
    }
    this.person = grown(this.person)
    this.session = grown(this.session)
    this.program = grown(this.program)
    this.day = grown(this.day)
    this.mode = grown(this.mode)
    this.nights = grown(this.nights)
    this.municipality = grown(this.municipality)
    this.purpose = grown(this.purpose)
    this.createdMs = grown(this.createdMs)
  }

  /**
   * Visit indexes grouped by person and sorted by day within each person (CSR layout):
   * the visits of person p are order[start[p] .. start[p + 1]).
   */
  byPerson(people: number): { start: Int32Array; order: Int32Array } {
    const start = new Int32Array(people + 1)
    for (let i = 0; i < this.length; i++) start[this.person[i] + 1]++
    for (let p = 0; p < people; p++) start[p + 1] += start[p]
    const fill = start.slice(0, people)
    const order = new Int32Array(this.length)
    for (let i = 0; i < this.length; i++) order[fill[this.person[i]]++] = i
    for (let p = 0; p < people; p++) {
      const from = start[p]
      const to = start[p + 1]
      if (to - from > 1) {
        const slice = Array.from(order.subarray(from, to)).sort((a, b) => this.day[a] - this.day[b] || a - b)
        order.set(slice, from)
      }
    }
    return { start, order }
  }
}
