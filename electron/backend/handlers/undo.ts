import type { undoMethods } from '../../../shared/contract/methods/undo'
import type { AreaHandlers } from '../dispatch'
import { peekUndo, undoLast } from '../services/undo'

export const undoHandlers: AreaHandlers<typeof undoMethods> = {
  'undo.peek': (_args, ctx) => peekUndo(ctx),
  'undo.last': ({ step }, ctx) => undoLast(ctx, step),
}
