## الحسابات

nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
signed-in-as = مسجّل الدخول باسم { $name }
error-summary-title = توجد مشكلة
sign-up-title = إنشاء حساب
sign-up-lead = تحتاج إلى حساب للرد على الاستشارات والمشاركة في النقاشات والتقدم بطلبات المنح.
field-email = البريد الإلكتروني
field-email-hint = سنرسل إليك رابطًا لتأكيده.
field-display-name = الاسم الظاهر
field-display-name-hint = يظهر بجوار ما تكتبه، ولا يجوز أن يكون لقبًا وظيفيًا.
field-password = كلمة المرور
field-password-hint = 12 حرفًا على الأقل. بضع كلمات لا رابط بينها تصنع كلمة مرور قوية.
sign-up-button = إنشاء الحساب
sign-up-have-account = لديك حساب بالفعل؟
check-email-title = تحقق من بريدك الإلكتروني
check-email-text = إذا كان العنوان الذي أدخلته يستقبل البريد، فقد أرسلنا إليه رسالة. افتح الرابط الذي فيها خلال 24 ساعة لإكمال التسجيل.
verified-title = تم تأكيد البريد الإلكتروني
verified-text = شكرًا لك. يمكنك الآن تسجيل الدخول.
verify-failed-title = هذا الرابط لا يعمل
verify-failed-text = ربما استُخدم الرابط من قبل، أو انتهت صلاحيته. سجّل الدخول، أو أنشئ حسابًا من جديد.
sign-in-title = تسجيل الدخول
sign-in-button = تسجيل الدخول
sign-in-no-account = ليس لديك حساب بعد؟
create-account-link = أنشئ حسابًا
error-401-title = تعذّر تسجيل الدخول
error-401-text = تحقق من بريدك الإلكتروني وكلمة المرور وحاول مرة أخرى.

## أسباب أخطاء الحسابات

reason-invalid_email = أدخل بريدًا إلكترونيًا بالصيغة الصحيحة، مثل name@example.org
reason-password_too_short = يجب ألا تقل كلمة المرور عن 12 حرفًا
reason-password_too_long = يجب ألا تزيد كلمة المرور على 256 حرفًا
reason-password_too_common = كلمة المرور هذه شائعة جدًا أو سهلة التخمين. اختر غيرها
reason-display_name_too_short = يجب ألا يقل الاسم الظاهر عن حرفين
reason-display_name_reserved = لا يجوز أن يشبه الاسم الظاهر لقبًا وظيفيًا مثل «مشرف» أو «البلدية»
reason-display_name_invisible_characters = يحتوي الاسم الظاهر على أحرف مخفية. اكتبه من جديد
reason-field_too_long = هذا أطول من المسموح
reason-invalid_credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة
reason-account_suspended = هذا الحساب موقوف
reason-invalid_token = الرابط لا يعمل
reason-csrf_token_invalid = انتهت صلاحية النموذج. ارجع إلى الصفحة وأعد تحميلها ثم حاول مرة أخرى.

## رسائل البريد الإلكتروني

email-verify-subject = أكّد بريدك الإلكتروني
email-verify-body =
    افتح هذا الرابط خلال 24 ساعة لتأكيد بريدك الإلكتروني:

    { $link }

    إذا لم تُنشئ حسابًا، يمكنك تجاهل هذه الرسالة.
email-existing-subject = لديك حساب بالفعل
email-existing-body =
    حاول شخص ما إنشاء حساب بهذا البريد الإلكتروني، لكن لديك حسابًا بالفعل. سجّل الدخول من هنا:

    { $link }

    إذا لم تكن أنت، فلا حاجة إلى فعل أي شيء.
error-prefix = خطأ:
