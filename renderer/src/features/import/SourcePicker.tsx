import { useId, useState } from 'react'
import type { DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportSource } from './importState'
import { MAX_FILE_BYTES, readFileAsBase64 } from './readFile'
import { ipcBridge } from '../../api/ipcClient'

/** Step 1: a file (chosen or dropped) or cells pasted from Excel. */
export function SourcePicker({ onSource, busy }: { onSource: (source: ImportSource) => void; busy: boolean }) {
  const { t } = useTranslation()
  const [dragging, setDragging] = useState(false)
  const [pasted, setPasted] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const inputId = useId()
  const pasteId = useId()

  // In the desktop app the native open dialog picks the file and the backend reads it from
  // disk (no upload through the window); the browser door reads it here and uploads it.
  const bridge = ipcBridge()
  async function pickWithDialog() {
    setProblem(null)
    try {
      const picked = await bridge!.pickFile('table')
      if (picked) onSource({ fileName: picked.name, fileId: picked.fileId })
    } catch {
      setProblem(t('import.source.readFailed'))
    }
  }

  async function take(file: File | undefined) {
    if (!file) return
    setProblem(null)
    if (file.size > MAX_FILE_BYTES) return setProblem(t('import.source.tooBig'))
    try {
      onSource({ fileName: file.name, base64: await readFileAsBase64(file) })
    } catch {
      setProblem(t('import.source.readFailed'))
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault()
    setDragging(false)
    void take(event.dataTransfer.files[0])
  }

  return (
    <div className="import-source">
      <div
        className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
        data-testid="import-drop-zone"
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          {t('import.source.drop')}
          {bridge ? (
            <button type="button" className="button-link drop-zone-choose" disabled={busy} onClick={() => void pickWithDialog()}>
              {t('import.source.choose')}
            </button>
          ) : (
            <label htmlFor={inputId} className="drop-zone-choose">
              {t('import.source.choose')}
            </label>
          )}
        </p>
        <input
          id={inputId}
          type="file"
          className="visually-hidden-input"
          accept=".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          disabled={busy}
          onChange={(e) => {
            void take(e.target.files?.[0])
            e.target.value = '' // choosing the same file again still reads it
          }}
        />
        <p className="drop-zone-formats">{t('import.source.formats')}</p>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="import-or" aria-hidden="true">
        {t('import.source.or')}
      </div>
      <div className="import-paste">
        <label htmlFor={pasteId}>{t('import.source.pasteLabel')}</label>
        <textarea
          id={pasteId}
          rows={4}
          value={pasted}
          placeholder={t('import.source.pastePlaceholder')}
          data-testid="import-paste"
          onChange={(e) => setPasted(e.target.value)}
        />
        <div>
          <button
            type="button"
            className="button-secondary"
            disabled={busy || pasted.trim() === ''}
            data-testid="import-paste-read"
            onClick={() => onSource({ fileName: t('import.source.pastedName'), text: pasted })}
          >
            {t('import.source.pasteRead')}
          </button>
        </div>
      </div>
    </div>
  )
}
