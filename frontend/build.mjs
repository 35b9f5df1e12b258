// Builds the front-end assets into dist/: the stylesheet, its right-to-left
// mirror, the scripts and the fonts. dist/ is a build output, never committed.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'
import rtlcss from 'rtlcss'

const here = dirname(fileURLToPath(import.meta.url))
const modules = join(here, 'node_modules')
const dist = join(here, 'dist')

await rm(dist, { recursive: true, force: true })
await mkdir(join(dist, 'fonts'), { recursive: true })

const { css } = sass.compile(join(here, 'src', 'app.scss'), {
  loadPaths: [modules],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin', 'slash-div']
})
await writeFile(join(dist, 'app.css'), css)
await writeFile(join(dist, 'app.rtl.css'), rtlcss.process(css))

await copyFile(join(here, 'src', 'app.js'), join(dist, 'app.js'))
await copyFile(join(here, 'src', 'favicon.svg'), join(dist, 'favicon.svg'))
await copyFile(
  join(modules, 'govuk-frontend', 'dist', 'govuk', 'govuk-frontend.min.js'),
  join(dist, 'govuk-frontend.min.js')
)

const fonts = [
  ['@fontsource/noto-sans', 'noto-sans-latin-400-normal.woff2'],
  ['@fontsource/noto-sans', 'noto-sans-latin-700-normal.woff2'],
  ['@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff2'],
  ['@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-700-normal.woff2']
]
for (const [pkg, file] of fonts) {
  await copyFile(join(modules, pkg, 'files', file), join(dist, 'fonts', file))
}

const size = (await readFile(join(dist, 'app.css'))).length
console.log(`built dist/: app.css ${Math.round(size / 1024)} KiB, app.rtl.css, scripts, ${fonts.length} fonts`)
