// Progressive enhancement only: every page works without this file.
// The "supported" class is set here, not in an inline script, because the
// Content-Security-Policy forbids inline script.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// A survey rule's answers show only under the question chosen for it
// (the question form): radios marked `data-app-controls` name the part
// they reveal. Without this script every question's answers show, and
// the server counts only the chosen one's. GOV.UK's own conditional
// reveal is not used: it puts aria-expanded on radios, which they may
// not carry.
for (const group of document.querySelectorAll('[data-app-reveal]')) {
  const show = () => {
    for (const radio of group.querySelectorAll('input[type="radio"][data-app-controls]')) {
      const part = document.getElementById(radio.dataset.appControls)
      if (part) part.hidden = !radio.checked
    }
  }
  group.addEventListener('change', show)
  show()
}
