# بلاغات التوتر المجتمعي (المسألة 19): النموذج العام، ولوحة الموظفين،
# وإعدادات المسؤولين.

nav-tensions = بلاغات التوتر

tension-card-heading = أخبرنا عن توتر في المجتمع
tension-card-text = هل رأيت أو سمعت شيئًا يجعل الناس في منطقتك يشعرون بعدم الأمان أو بالانقسام؟ أخبر فريق السلامة المجتمعية في المجلس. لا تحتاج إلى حساب، ولا نسألك من أنت.
tension-card-link = أخبرنا عن توتر في المجتمع

tension-closed-title = لا تُقبل بلاغات التوتر هنا
tension-closed-text = لا يقبل هذا المجلس بلاغات التوتر المجتمعي على هذا الموقع. إن أردت الإبلاغ عن جريمة كراهية أو عن أمر يقلقك، فاطلب المساعدة لتجد الجهة المناسبة.

tension-form-title = أخبرنا عن توتر في المجتمع
tension-form-lead = أخبر فريق السلامة المجتمعية في المجلس عن توتر في منطقتك: حادثة كراهية، أو كتابات أو رموز على الجدران، أو شائعات على الإنترنت، أو احتجاج أو تجمع، أو فوضى أو تخريب.
tension-form-anonymous = لا تحتاج إلى تسجيل الدخول. لا نحفظ هويتك ولا عنوانك، ونحذف الأسماء وعناوين البريد الإلكتروني وأرقام الهواتف والرموز البريدية مما تكتبه قبل حفظه.
tension-area = المنطقة أو الحي
tension-area-choose = اختر منطقة
tension-area-elsewhere = مكان آخر / لست متأكدًا
tension-kind = نوع التوتر
tension-kind-hate_incident = حادثة كراهية أو إساءة
tension-kind-graffiti_or_symbols = كتابات أو رموز على الجدران
tension-kind-online_content = محتوى أو شائعات على الإنترنت
tension-kind-protest_or_gathering = احتجاج أو تجمع
tension-kind-disorder_or_damage = فوضى أو تخريب
tension-kind-other = أمر آخر
tension-when = متى حدث ذلك
tension-when-hint = اليوم الذي حدث فيه، مثل 30 نوفمبر 2026. لا يمكن أن يكون بعد اليوم.
tension-warning = لا تذكر أسماء أشخاص آخرين ولا تصفهم، ولا تكتب عنوان أحد أو بريده الإلكتروني أو رقم هاتفه.
tension-emergency = إن كان أحد في خطر الآن، فاتصل بالرقم 999.
tension-help-link = اطلب المساعدة
tension-text = ماذا حدث
tension-text-hint = صف ما حدث وأين، دون ذكر أسماء. { PLURAL($limit) ->
    [zero] لا أحرف
    [one] حرف واحد على الأكثر.
    [two] حرفان على الأكثر.
    [few] { $limit } أحرف على الأكثر.
    [many] { $limit } حرفًا على الأكثر.
   *[other] { $limit } حرف على الأكثر.
}
tension-text-empty = أخبرنا بما حدث
tension-text-too-long = { PLURAL($limit) ->
    [zero] يجب أن يكون النص فارغًا
    [one] يجب ألا يزيد ما حدث على حرف واحد
    [two] يجب ألا يزيد ما حدث على حرفين
    [few] يجب ألا يزيد ما حدث على { $limit } أحرف
    [many] يجب ألا يزيد ما حدث على { $limit } حرفًا
   *[other] يجب ألا يزيد ما حدث على { $limit } حرف
}
tension-police = هل أُبلغت الشرطة بذلك؟
tension-police-yes = نعم
tension-police-no = لا
tension-police-dont_know = لا أعرف
tension-send = أرسل البلاغ
tension-too-many = أُرسل عدد كبير جدًا من البلاغات من هذا الاتصال.

tension-sent-title = أُرسل البلاغ
tension-sent-reference = الرقم المرجعي لبلاغك
tension-sent-promise = شكرًا لك. سينظر فيه فريق السلامة المجتمعية في المجلس خلال { PLURAL($days) ->
    [zero] يوم العمل نفسه
    [one] يوم عمل واحد
    [two] يومي عمل
    [few] { $days } أيام عمل
    [many] { $days } يوم عمل
   *[other] { $days } يوم عمل
}.
tension-sent-no-copy = لا نعرض ما كتبته ولا نرسل نسخة منه. احتفظ بالرقم المرجعي إن أردت ذكر هذا البلاغ للمجلس.

tension-panel = بلاغات التوتر المجتمعي
tension-panel-text = أعداد حسب المنطقة والنوع والأسبوع، مع إخفاء الأعداد الصغيرة؛ يُحفظ نص كل بلاغ مدة محددة وتُسجَّل كل قراءة له.
tension-dashboard-link = لوحة بلاغات التوتر
tension-settings-link = إعدادات بلاغات التوتر

tension-dashboard-title = بلاغات التوتر المجتمعي
tension-dashboard-lead = أعداد البلاغات التي أرسلها السكان والشركاء، حسب الأسبوع الذي حدثت فيه. البلاغات مجهولة الهوية؛ تُخفى البيانات الشخصية في نصوصها وتُحذف النصوص بعد مدة الاحتفاظ، أما الأعداد فتبقى.
tension-dashboard-rules = تظهر الأعداد من 1 إلى 4 بعبارة «أقل من 5»؛ وتُخفى أعداد أخرى حيث يمكن استنتاج عدد صغير منها ومن المجموع.
tension-total = البلاغات في هذه المدة: { $count }
tension-period = { PLURAL($weeks) ->
    [zero] لا أسابيع
    [one] الأسبوع الأخير
    [two] الأسبوعان الأخيران
    [few] آخر { $weeks } أسابيع
    [many] آخر { $weeks } أسبوعًا
   *[other] آخر { $weeks } أسبوع
}
tension-period-label = المدة
tension-period-show = اعرض
tension-fewer-than-5 = أقل من 5
tension-hidden = مخفي
tension-chart-title = البلاغات حسب الأسبوع
tension-chart-desc = مخطط أعمدة للبلاغات حسب الأسبوع الذي حدثت فيه، من أسبوع { $first } إلى أسبوع { $last }. الأعداد نفسها في جدول «البلاغات حسب الأسبوع».
tension-by-week = البلاغات حسب الأسبوع
tension-week-heading = الأسبوع الذي يبدأ في
tension-by-area = البلاغات حسب المنطقة
tension-by-kind = البلاغات حسب النوع
tension-reports-heading = البلاغات
tension-export = نزّل الأعداد (CSV)
tension-recent = أحدث البلاغات
tension-reference = الرقم المرجعي
tension-status = النص
tension-status-text = محفوظ
tension-status-deleted = محذوف
tension-no-reports = لا توجد بلاغات بعد.
tension-received = تاريخ الاستلام
tension-report-title = بلاغ توتر
tension-tombstone = { PLURAL($days) ->
    [zero] حُذف النص.
    [one] حُذف النص بعد يوم واحد.
    [two] حُذف النص بعد يومين.
    [few] حُذف النص بعد { $days } أيام.
    [many] حُذف النص بعد { $days } يومًا.
   *[other] حُذف النص بعد { $days } يوم.
}
tension-audit-note = تُسجَّل قراءتك لهذا البلاغ في سجل التدقيق.

tension-settings-title = إعدادات بلاغات التوتر
tension-settings-lead = اختر هل يستطيع السكان والشركاء إرسال بلاغات التوتر، ومدة حفظ نصوصها، وبماذا يعد الإشعار بالاستلام.
tension-settings-save = احفظ الإعدادات
tension-settings-enabled = النموذج
tension-settings-enabled-on = اقبل بلاغات التوتر
tension-settings-retention = عدد أيام حفظ نص البلاغ
tension-settings-retention-hint = من 7 إلى 730. تُحذف النصوص الأقدم من ذلك؛ وتبقى الأعداد.
tension-settings-review = عدد أيام العمل التي ينظر الفريق خلالها في البلاغ
tension-settings-review-hint = من 1 إلى 30. يذكر الإشعار بالاستلام هذا العدد.
done-tension-settings-saved = حُفظت الإعدادات.

reason-date_in_future = يجب أن يكون التاريخ اليوم أو قبله
reason-markup_not_allowed = اكتب نصًا عاديًا دون وسوم HTML مثل <b>
reason-area-field_required = اختر المنطقة، أو «مكان آخر / لست متأكدًا»
reason-area-invalid_choice = اختر منطقة من القائمة
reason-kind-field_required = اختر نوع التوتر
reason-occurred_on-field_required = أدخل اليوم الذي حدث فيه ذلك
reason-police-field_required = قل هل أُبلغت الشرطة بذلك
reason-retention_days-out_of_range = أدخل عدد أيام من 7 إلى 730
reason-retention_days-field_required = أدخل عدد أيام من 7 إلى 730
reason-review_working_days-out_of_range = أدخل عدد أيام عمل من 1 إلى 30
reason-review_working_days-field_required = أدخل عدد أيام عمل من 1 إلى 30
