# Facts about this language. Every locale folder defines these two.
locale-name = English
locale-direction = ltr
