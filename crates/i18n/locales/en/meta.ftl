# Facts about this language. Every locale folder defines these two.
locale-name = English
locale-direction = ltr

# Languages named in this language, for sentences ("Translate into Arabic").
# One message per language the site has (language-name- and its tag).
language-name-en = English
language-name-ar = Arabic
