import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// The API client first: it takes the door's token out of the URL before routing reads the hash.
import './api/client'
// Then the safety check and the opening screen's chunks, before the rest of the app is evaluated.
import './app/startEarly'
import './i18n'
import { App } from './app/App'
import './styles/base.css'
import './styles/app.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
