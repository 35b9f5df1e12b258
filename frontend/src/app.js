// Progressive enhancement only: every page works without this file.
// The "supported" class is set here, not in an inline script, because the
// Content-Security-Policy forbids inline script.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')

// What was typed survives a change of language (ADR 32). The language
// switcher is a link to the same page in the other language, so following
// it from a half-filled form would lose the input: when it is followed
// from a page whose form holds input not yet sent, the fields' values go
// into this tab's sessionStorage under the page's path, and the page at
// that path in the new language puts them back into its same-named
// fields that are still empty, then forgets them. Passwords, hidden
// fields (form tokens among them) and files are never kept. sessionStorage
// stays on this device, in this tab, and goes when the tab closes.
const TYPED = 'cohesion-typed:'
// Kept only for the switch itself: values left behind by a switch that
// never arrived are not put into a form met much later.
const TYPED_MAX_AGE_MS = 10 * 60 * 1000
const NEVER_KEPT = new Set(['password', 'hidden', 'file', 'submit', 'button', 'reset', 'image'])

function keepable (field) {
  if (!field.name || field.disabled || /csrf|token|password/i.test(field.name)) return false
  if (field instanceof HTMLInputElement) return !NEVER_KEPT.has(field.type)
  return field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement
}

const choice = field => field.type === 'radio' || field.type === 'checkbox'

/** Whether a field differs from what the page came with. */
function changed (field) {
  if (field instanceof HTMLSelectElement) {
    const options = [...field.options]
    if (field.multiple) return options.some(o => o.selected !== o.defaultSelected)
    const first = Math.max(0, options.findIndex(o => o.defaultSelected))
    return field.selectedIndex !== first
  }
  return choice(field) ? field.checked !== field.defaultChecked : field.value !== field.defaultValue
}

function keptFields () {
  return [...document.querySelectorAll('form')].flatMap(f => [...f.elements]).filter(keepable)
}

/**
 * The typed values, if any form holds input not yet sent: a field changed
 * since the page came, or a form sent back with its errors (whose values
 * are what was typed before). Text by field; radios and checkboxes by
 * group, with what is ticked (perhaps nothing); selects by what is chosen.
 */
function typedValues () {
  const fields = keptFields()
  const unsaved = fields.some(changed) || document.querySelector('.govuk-error-summary')
  if (!unsaved) return null
  const values = []
  const groups = new Map()
  for (const field of fields) {
    if (field instanceof HTMLSelectElement) {
      values.push({ name: field.name, select: [...field.selectedOptions].map(o => o.value) })
    } else if (choice(field)) {
      if (!groups.has(field.name)) {
        groups.set(field.name, [])
        values.push({ name: field.name, ticked: groups.get(field.name) })
      }
      if (field.checked) groups.get(field.name).push(field.value)
    } else if (field.value !== '') {
      values.push({ name: field.name, value: field.value })
    }
  }
  return values
}

/**
 * Puts kept values back: text into the same-named fields still empty;
 * radios, checkboxes and selects where they are still as the page came
 * (the new page's own choice, usually none, gives way to the person's).
 */
function restoreTyped (values) {
  const fields = keptFields()
  const told = new Set()
  const set = (field, on) => {
    const now = field instanceof HTMLOptionElement ? field.selected : field.checked
    if (now === on) return
    if (field instanceof HTMLOptionElement) field.selected = on
    else field.checked = on
    told.add(field instanceof HTMLOptionElement ? field.parentElement.closest('select') : field)
  }
  for (const kept of values) {
    const same = fields.filter(f => f.name === kept.name)
    if (typeof kept.value === 'string') {
      const field = same.find(f => !choice(f) && !(f instanceof HTMLSelectElement) && f.value === '' && !told.has(f))
      if (field) { field.value = kept.value; told.add(field) }
    } else if (Array.isArray(kept.ticked)) {
      const group = same.filter(choice)
      if (group.length === 0 || group.some(changed)) continue
      for (const field of group) set(field, kept.ticked.includes(field.value))
    } else if (Array.isArray(kept.select)) {
      const field = same.find(f => f instanceof HTMLSelectElement && !changed(f) && !told.has(f))
      if (!field) continue
      const known = [...field.options].filter(o => kept.select.includes(o.value))
      if (known.length === 0) continue
      for (const option of field.options) set(option, known.includes(option))
    }
  }
  // Components that follow their fields (character counts, revealed
  // parts) hear of the change as if it were typed.
  for (const field of told) {
    field.dispatchEvent(new Event('input', { bubbles: true }))
    field.dispatchEvent(new Event('change', { bubbles: true }))
  }
}

try {
  const key = TYPED + location.pathname
  const kept = sessionStorage.getItem(key)
  if (kept !== null) {
    sessionStorage.removeItem(key)
    const { at, values } = JSON.parse(kept)
    if (Date.now() - at < TYPED_MAX_AGE_MS && Array.isArray(values)) restoreTyped(values)
  }
  document.addEventListener('click', event => {
    if (!(event.target instanceof Element) || !event.target.closest('.app-language-switcher__link')) return
    const values = typedValues()
    if (values && values.length) sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), values }))
    else sessionStorage.removeItem(key)
  })
} catch {
  // Storage refused (private browsing, a full quota): the link still
  // works, as it does without this script.
}

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

// The question form shows only the fields read for the kind of question
// chosen (options for choices, a minimum for numbers, …): each such field
// names its kinds in `data-shown-for`. Without this script every field
// shows, with hints that say which kinds each is for.
for (const kind of document.querySelectorAll('form select[name="kind"]')) {
  const fields = kind.form.querySelectorAll('[data-shown-for]')
  const show = () => {
    for (const field of fields) field.hidden = !field.dataset.shownFor.split(' ').includes(kind.value)
  }
  kind.addEventListener('change', show)
  show()
}

// A moderator's decision form shows only the fields the decision picked
// reads (a reason to hide, the words to redact, the days of a
// suspension): each names its decisions in `data-shown-for`. Without
// this script every field shows, with hints that say which decision
// each is for, and the server reads only the picked decision's fields.
for (const form of document.querySelectorAll('form')) {
  const picks = form.querySelectorAll('input[type="radio"][name="action"]')
  const fields = form.querySelectorAll('[data-shown-for]')
  if (picks.length === 0 || fields.length === 0) continue
  const show = () => {
    const picked = form.querySelector('input[type="radio"][name="action"]:checked')
    for (const field of fields) {
      // A field with an error stays shown, so that the error is read.
      const wanted = picked && field.dataset.shownFor.split(' ').includes(picked.value)
      field.hidden = !wanted && !field.classList.contains('govuk-form-group--error')
    }
  }
  form.addEventListener('change', show)
  show()
}

// "Exit this page" (help pages, ADR 43): the link works without script;
// with it, Shift pressed three times within two seconds also leaves, and
// the page is replaced in the history, so Back does not return to it.
function exitThisPage () {
  const link = document.querySelector('[data-module="app-exit-this-page"] a')
  if (!link) return
  const leave = event => {
    if (event) event.preventDefault()
    document.body.classList.add('app-exiting')
    window.location.replace(link.href)
  }
  link.addEventListener('click', leave)
  let presses = []
  document.addEventListener('keyup', event => {
    if (event.key !== 'Shift') {
      presses = []
      return
    }
    const now = Date.now()
    presses = presses.filter(t => now - t < 2000)
    presses.push(now)
    if (presses.length >= 3) leave()
  })
}
exitThisPage()
