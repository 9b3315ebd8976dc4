import { z } from 'zod'

// Default validation messages in Japanese wherever a schema gives none of its own. Imported
// by methods.ts so that every door (and every test) validates with the same messages.
z.config(z.locales.ja())
