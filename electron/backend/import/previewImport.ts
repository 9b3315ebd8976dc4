import type { ResultOf, ValidArgsOf } from '../../../shared/contract/methods'
import { personMapping } from '../../../shared/domain/import/kinds'
import type { BackendContext } from '../context'
import { readGrantedFile } from '../files'
import { previewContactsImport } from './contactsImport'
import { previewKindImport } from './kindsImport'
import { previewWithSavedMapping } from './previewWithMapping'
import type { ImportInput } from './source'

type PreviewArgs = ValidArgsOf<'import.preview'>

/** The file the user chose: granted by the main process's dialog, uploaded (base64), or pasted text. */
function inputOf(ctx: BackendContext, source: PreviewArgs['source']): ImportInput {
  if ('fileId' in source) return readGrantedFile(ctx.files, source.fileId)
  if ('base64' in source) return { fileName: source.fileName, bytes: Buffer.from(source.base64, 'base64') }
  return source
}

/**
 * import.preview: reads the source and previews it as the kind's rows. With a saved mapping's
 * name, the mapping is first fitted to this file's headers, then the preview runs with it.
 */
export async function previewImport(ctx: BackendContext, args: PreviewArgs): Promise<ResultOf<'import.preview'>> {
  const { source, kind, mappingName, ...options } = args
  const input = inputOf(ctx, source)
  if (mappingName) {
    return previewWithSavedMapping(ctx, input, { ...options, kind }, mappingName, async (resolved) =>
      previewImport(ctx, { source, kind, ...options, ...resolved }),
    )
  }
  if (kind !== 'contacts') return (await previewKindImport(ctx, kind, input, options)).view
  const mapping = options.mapping && personMapping(options.mapping)
  return (await previewContactsImport(ctx, input, { ...options, mapping })).view
}
