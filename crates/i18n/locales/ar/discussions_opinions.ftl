## التصويت على الآراء في النقاشات: مرحلة العبارات، وصفحة التصويت،
## وخريطة الآراء، وقائمة العبارات للموظفين والمشرفين.

statements-heading = عبارات للتصويت عليها
statements-lead = صوّت بالموافقة أو الرفض أو التجاوز على عبارات قصيرة، واحدةً تلو الأخرى، وأضف عباراتك. تُظهر خريطة الآراء كيف تتجمّع آراء الناس.
statements-vote-link = صوّت على العبارات
statements-results-link = اطّلع على خريطة الآراء
vote-title = التصويت على العبارات
vote-lead = اقرأ كل عبارة وقل إن كنت توافق عليها أو ترفضها أو تريد تجاوزها. يمكنك تغيير صوتك بالتصويت على العبارة مرة أخرى: يُحتسب آخر صوت لك.
vote-progress = { PLURAL($total) ->
    [zero] لا توجد عبارات للتصويت عليها بعد.
    [one] صوّتّ على { $voted } من عبارة واحدة.
    [two] صوّتّ على { $voted } من عبارتين.
    [few] صوّتّ على { $voted } من { $total } عبارات.
    [many] صوّتّ على { $voted } من { $total } عبارةً.
   *[other] صوّتّ على { $voted } من { $total } عبارة.
}
vote-card-caption = عبارة للتصويت عليها
vote-agree = أوافق
vote-disagree = لا أوافق
vote-pass = تجاوز
vote-yours-heading = أصواتك
vote-yours-agree = صوّتّ بالموافقة.
vote-yours-disagree = صوّتّ بعدم الموافقة.
vote-yours-pass = تجاوزت هذه العبارة.
vote-change-agree = غيّر صوتك إلى «أوافق»
vote-change-disagree = غيّر صوتك إلى «لا أوافق»
vote-change-pass = غيّر صوتك إلى «تجاوز»
vote-all-done = صوّتّ على كل العبارات. شكرًا لك. عُد لاحقًا لترى عبارات جديدة، أو أضف عبارتك أدناه.
vote-none-yet = لا توجد عبارات بعد. يمكنك إضافة أول عبارة أدناه.
vote-sign-in = سجّل الدخول لتصوّت وتضيف عبارات
vote-results-link = اطّلع على خريطة الآراء
statement-add-heading = أضف عبارة
statement-field-text = عبارتك
statement-field-hint = فكرة واحدة قصيرة يمكن للآخرين الموافقة عليها أو رفضها، في 280 حرفًا أو أقل. تخضع العبارات لقواعد المشاركة وقد تنتظر مراجعة مشرف.
statement-submit-button = أرسل العبارة
statement-error-empty = اكتب عبارتك
statement-error-too-long = يجب ألا تزيد عبارتك على { $limit } حرفًا
done-vote-recorded = سُجّل صوتك.
done-statement-submitted = أُضيفت عبارتك. يمكن للآخرين الآن التصويت عليها.
done-statement-held = أُرسلت عبارتك. ستظهر بعد أن يراجعها مشرف.
done-statements-stage-added = أُضيفت مرحلة العبارات.
done-statements-stage-removed = أُزيلت مرحلة العبارات. العبارات والأصوات محفوظة.
done-statement-decided = سُجّل قرارك.
statement-state-published = مفتوحة للتصويت
statement-state-awaiting_moderation = بانتظار مشرف
statement-state-hidden = أخفاها مشرف
statement-state-removed_with_account = أُزيلت مع حساب كاتبها
reason-statement_not_votable = هذه العبارة غير مفتوحة للتصويت: إما أنها بانتظار مشرف أو أنها أُخفيت.
data-statements = عباراتك في التصويت على الآراء
data-votes = أصواتك على العبارات
data-vote-statement = العبارة
data-vote = صوتك

opinions-title = خريطة الآراء
opinions-counts = { PLURAL($voters) ->
    [one] صوّت شخص واحد، وعدد الأصوات { $votes }.
    [two] صوّت شخصان، وعدد الأصوات { $votes }.
    [few] صوّت { $voters } أشخاص، وعدد الأصوات { $votes }.
    [many] صوّت { $voters } شخصًا، وعدد الأصوات { $votes }.
   *[other] صوّت { $voters } شخص، وعدد الأصوات { $votes }.
}
# $min is the votes that place a voter on the map (at most 7).
opinions-unplaced = { PLURAL($unplaced) ->
    [one] واحد منهم ليس في أي مجموعة: صوّت على أقل من { $min } عبارات، وهذا أقل من أن يُحدَّد موقعه على الخريطة. تضم المجموعات الـ{ $placed } الآخرين.
    [two] اثنان منهم ليسا في أي مجموعة: صوّت كل منهما على أقل من { $min } عبارات، وهذا أقل من أن يُحدَّد موقعهما على الخريطة. تضم المجموعات الـ{ $placed } الآخرين.
   *[other] { $unplaced } منهم ليسوا في أي مجموعة: صوّت كل منهم على أقل من { $min } عبارات، وهذا أقل من أن تُحدَّد مواقعهم على الخريطة. تضم المجموعات الـ{ $placed } الآخرين.
}
opinions-updated = رُسمت الخريطة آخر مرة { $when }.
opinions-not-computed = لم تُرسم خريطة الآراء بعد. تُرسم من جديد بعد لحظات من وصول أصوات جديدة.
opinions-not-enough = لا توجد أصوات كافية بعد لتمييز مجموعات. تظهر المجموعات حين يصوّت أربعة أشخاص على الأقل على عدة عبارات وتختلف أصواتهم.
opinions-no-votes-yet = لا توجد أصوات كافية بعد لرسم خريطة الآراء: لم يصوّت أحد على العبارات حتى الآن. تظهر الخريطة بعد أن يصوّت الناس.
opinions-no-votes-closed = لا توجد خريطة للآراء: لم يصوّت أحد على العبارات قبل أن يُغلق النقاش.
opinions-map-title = خريطة الآراء: أين يقف الناس بحسب تصويتهم
opinions-map-desc = { PLURAL($people) ->
    [one] شخص واحد
    [two] شخصان
    [few] { $people } أشخاص
    [many] { $people } شخصًا
   *[other] { $people } شخص
} في { PLURAL($groups) ->
    [one] مجموعة واحدة
    [two] مجموعتين
    [few] { $groups } مجموعات
    [many] { $groups } مجموعةً
   *[other] { $groups } مجموعة
}. من صوّتوا بشكل متشابه يظهرون متقاربين.
opinions-map-desc-group = { $group }: { PLURAL($count) ->
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}.
opinions-groups-caption = مجموعات الرأي
opinions-group = المجموعة
opinions-group-size = عدد الأشخاص
opinions-group-position = موقعها على الخريطة
opinions-group-0 = المجموعة أ
opinions-group-1 = المجموعة ب
opinions-group-2 = المجموعة ج
opinions-group-3 = المجموعة د
opinions-group-4 = المجموعة هـ
opinions-people = { PLURAL($count) ->
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}
opinions-position = { $across }، { $up }
opinions-left = اليسار
opinions-centre = الوسط
opinions-right = اليمين
opinions-top = الأعلى
opinions-middle = المنتصف
opinions-bottom = الأسفل
opinions-group-statements = ما يميّز المجموعة
opinions-statement = العبارة
opinions-stance = موقف المجموعة
opinions-stance-agree = توافق
opinions-stance-disagree = لا توافق
opinions-group-agreement = نسبة الموافقة في { $group }
opinions-percent = { $percent }٪
opinions-no-votes = لا أصوات
opinions-consensus-caption = ما يتفق عليه معظم الناس عبر المجموعات
opinions-consensus-agree = يوافق { $percent }٪
opinions-consensus-disagree = يرفض { $percent }٪
opinions-bridging-caption = عبارات تجمع بين المجموعات
opinions-bridging-share = يوافق { $percent }٪ في أقل المجموعات موافقةً
opinions-share = النسبة
opinions-explained-map = كل نقطة شخص صوّت؛ ومن صوّتوا بشكل متشابه يظهرون متقاربين. تُستخرج المجموعات من الأصوات وحدها.
opinions-explained-groups = لا توصف المجموعات إلا بطريقة تصويت أعضائها. لا يوضع أحد في مجموعة بسبب هويته.
opinions-vote-link = صوّت على العبارات

statements-staff-title = العبارات
statements-staff-link = العبارات والتصويت على الآراء
statements-staff-stage-on = لهذا النقاش مرحلة عبارات: يمكن للسكان إضافة عبارات والتصويت عليها.
statements-staff-stage-off = ليس لهذا النقاش مرحلة عبارات.
statements-staff-add-stage = أضف مرحلة عبارات
statements-staff-remove-stage = أزل مرحلة العبارات
statement-seed-field = أضف عبارة افتتاحية
statement-seed-hint = تُنشر فورًا ليصوّت عليها السكان، دون انتظار مشرف. فكرة واحدة قصيرة في سطر واحد، في 280 حرفًا أو أقل. أما عبارات السكان أنفسهم فتبقى بانتظار مشرف حيث تنص القواعد على ذلك.
statement-seed-button = أضف العبارة الافتتاحية
statement-seed-error-empty = اكتب العبارة الافتتاحية
statement-seed-error-too-long = يجب ألا تزيد العبارة الافتتاحية على { $limit } حرفًا
done-statement-seeded = أُضيفت العبارة الافتتاحية ونُشرت: يمكن للسكان التصويت عليها ما دام النقاش مفتوحًا.
statements-staff-caption = العبارات
statements-staff-number = الرقم
statements-staff-state = حالتها
statements-staff-decide = القرار
statements-staff-approve = اعتمد العبارة { $number }
statements-staff-hide = أخفِ العبارة { $number }
statements-staff-empty = لا توجد عبارات بعد.
statements-staff-seeded-caption = العبارات الافتتاحية المضافة
statements-staff-seeded-empty = لا توجد عبارات افتتاحية بعد: أضف واحدة ليجد أول المصوّتين عبارات يصوّتون عليها.
statements-staff-results = اطّلع على خريطة الآراء
statements-staff-export-comments = نزّل العبارات (ملف comments.csv بصيغة Pol.is)
statements-staff-export-votes = نزّل الأصوات (ملف votes.csv بصيغة Pol.is)
statements-lead-closed = أُغلق التصويت على العبارات مع إغلاق النقاش. نتائجه على خريطة الآراء.
statements-vote-link-closed = اطّلع على العبارات وأصواتك
statements-closed-notice = أُغلق هذا النقاش، وأُغلق معه التصويت على عباراته. لا يزال بإمكانك الاطلاع على العبارات وخريطة الآراء.
