# معلومات عن هذه اللغة. يعرّف كل مجلد لغة هاتين الرسالتين.
locale-name = العربية
locale-direction = rtl
