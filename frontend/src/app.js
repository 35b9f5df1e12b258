// Progressive enhancement only: every page works without this file.
// The "supported" class is set here, not in an inline script, because the
// Content-Security-Policy forbids inline script.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
