## صفحات الموظفين للنقاشات: كتابة النقاش وإدارته ونشره، وقسم النقاشات
## في لوحة الموظفين.

discussion-staff-new-title = أنشئ نقاشًا
discussion-staff-edit-title = غيّر تفاصيل النقاش
discussion-staff-manage = النقاش
discussion-staff-field-title = العنوان
discussion-staff-field-introduction = المقدمة
discussion-staff-field-introduction-hint = عمّ يدور النقاش ولماذا تسأل. يمكنك استخدام Markdown: ‏*تأكيد* وقوائم وعناوين وروابط.
discussion-staff-field-questions = أسئلة توجيهية
discussion-staff-field-questions-hint = اختياري. سؤال في كل سطر، حتى 10 أسئلة، لا يتجاوز كل منها 300 حرف: تساعد الناس على البدء.
discussion-staff-field-topics = المواضيع
discussion-staff-field-topics-hint = افصل بين المواضيع بفواصل، مثلًا: جرائم الكراهية، الأمان على الإنترنت
discussion-staff-field-area = المنطقة
discussion-staff-field-opens = يُفتح للتعليقات
discussion-staff-field-closes = يُغلق أمام التعليقات
discussion-staff-field-language = بأي لغة تكتب؟
discussion-staff-field-language-hint = تُوسم نصوصك بهذه اللغة في كل صفحة.
discussion-staff-field-pre-moderation = الإشراف المسبق
discussion-staff-field-pre-moderation-hint = هل تنتظر التعليقات مشرفًا قبل أن يقرأها الجميع. لا تُحجز تعليقات الموظفين والمشرفين أبدًا.
discussion-staff-pre-moderation-off = متوقف: تُنشر التعليقات فورًا
discussion-staff-pre-moderation-first = تنتظر التعليقات الأولى للعضو مشرفًا
discussion-staff-pre-moderation-all = ينتظر كل تعليق مشرفًا
discussion-staff-pre-moderation-first-n = { PLURAL($count) ->
    [one] ينتظر التعليق الأول للعضو في الموقع مشرفًا
    [two] ينتظر التعليقان الأولان للعضو في الموقع مشرفًا
    [few] تنتظر التعليقات الـ{ $count } الأولى للعضو في الموقع مشرفًا
    [many] ينتظر أول { $count } تعليقًا للعضو في الموقع مشرفًا
   *[other] ينتظر أول { $count } تعليق للعضو في الموقع مشرفًا
}
discussion-staff-field-first-comments = كم تعليقًا أول ينتظر
discussion-staff-field-first-comments-hint = مع «التعليقات الأولى» فقط: عدد صحيح من 1 إلى { $max }. تُحسب تعليقات العضو في الموقع كله، فمن نُشرت تعليقاته من قبل في مكان آخر لا يُحتجز مرة أخرى.
discussion-staff-field-consultation-stage = جزء من استشارة
discussion-staff-field-consultation-stage-hint = اختياري. اختر مرحلة الجدول الزمني للاستشارة التي ينتمي إليها هذا النقاش: تربط صفحته والجدول الزمني للاستشارة كلٌّ منهما بالآخر متى نُشرا. لا تُعرض المراحل التي انتهت.
discussion-staff-not-linked = غير مرتبط
discussion-staff-stage-choice = { $consultation } — المرحلة { $number }: { $stage }
discussion-staff-imported = استُورد هذا النقاش من مكان آخر: هو مغلق وللقراءة فقط. ما زال بإمكانك نشره أو سحبه.
discussion-staff-edit-details = غيّر التفاصيل
discussion-staff-edit-details-hidden = للنقاش: مواعيده ونصوصه والإشراف المسبق
discussion-staff-language = اللغة
discussion-staff-questions-row = الأسئلة التوجيهية
discussion-staff-questions-count = { PLURAL($count) ->
    [zero] لا يوجد
    [one] سؤال واحد
    [two] سؤالان
    [few] { $count } أسئلة
    [many] { $count } سؤالًا
   *[other] { $count } سؤال
}
discussion-staff-published = نُشر
discussion-staff-comments = التعليقات
discussion-staff-comment-count = { PLURAL($count) ->
    [zero] لا توجد تعليقات بعد
    [one] تعليق واحد يقرؤه الجميع
    [two] تعليقان يقرؤهما الجميع
    [few] { $count } تعليقات يقرؤها الجميع
    [many] { $count } تعليقًا يقرؤها الجميع
   *[other] { $count } تعليق يقرؤها الجميع
}
discussion-staff-view-public = اعرض الصفحة العامة
discussion-staff-publish = انشر النقاش
discussion-staff-unpublish = اسحب النقاش
discussion-staff-close-now = أغلق النقاش الآن

done-discussion-created = أُنشئ النقاش مسودةً.
done-discussion-saved = حُفظت التفاصيل.
done-discussion-published = نُشر النقاش.
done-discussion-unpublished = سُحب النقاش.
done-discussion-closed = أُغلق النقاش. لن يتمكن أحد من التعليق عليه بعد الآن.

confirm-publish-discussion-title = هل تنشر «{ $title }»؟
confirm-publish-discussion-upcoming = سيتمكن الجميع من قراءته. يُفتح للتعليقات في { $opens } ويُغلق في { $closes }.
confirm-publish-discussion-upcoming-same-day = سيتمكن الجميع من قراءته. يُفتح للتعليقات في { $day } الساعة { $opens } ويُغلق الساعة { $closes }.
confirm-publish-discussion-open = سيتمكن الجميع من قراءته، ويستطيع الأعضاء التعليق فورًا، حتى { $closes }.
confirm-publish-discussion-closed = مضى تاريخ إغلاقه، { $closes }: سيتمكن الجميع من قراءته، لكن لن يتمكن أحد من التعليق.
confirm-publish-discussion-imported = استُورد هذا النقاش: سيتمكن الجميع من قراءته وقراءة تعليقاته، لكن لن يتمكن أحد من التعليق.
confirm-publish-discussion-button = نعم، انشر النقاش
confirm-withdraw-discussion-title = هل تسحب «{ $title }»؟
confirm-withdraw-discussion-lead = سيخرج من قائمة النقاشات، ولن تبقى صفحته متاحة للجمهور، ولن يتمكن أحد من التعليق.
confirm-withdraw-discussion-kept = { PLURAL($count) ->
    [zero] لم يعلّق أحد بعد.
    [one] يُحتفظ بالتعليق الوحيد الذي فيه، ويعود إن نشرته من جديد.
    [two] يُحتفظ بالتعليقين اللذين فيه، ويعودان إن نشرته من جديد.
    [few] يُحتفظ بالتعليقات الـ{ $count } التي فيه، وتعود إن نشرته من جديد.
    [many] يُحتفظ بالتعليقات الـ{ $count } التي فيه، وتعود إن نشرته من جديد.
   *[other] يُحتفظ بالتعليقات الـ{ $count } التي فيه، وتعود إن نشرته من جديد.
}
confirm-withdraw-discussion-button = نعم، اسحب النقاش
confirm-close-discussion-title = هل تغلق «{ $title }» الآن؟
confirm-close-discussion-lead = موعد إغلاقه { $closes }. إغلاقه الآن يجعل تاريخ إغلاقه اليوم، في هذه اللحظة.
confirm-close-discussion-after = لن يتمكن أحد من التعليق عليه بعد الآن. يبقى بوسع الجميع قراءته، ويُبلَّغ متابعوه بأنه أُغلق. لإعادة فتحه، غيّر تاريخ إغلاقه في تفاصيله.
confirm-close-discussion-button = نعم، أغلق النقاش الآن

discussion-staff-panel = النقاشات
# The lists' headings name النقاشات so that their feminine agreement (a
# plural) reads beside each discussion's status, which agrees with نقاش
# (masculine singular: مفتوح، قادم، مغلق).
discussion-staff-create = أنشئ نقاشًا
discussion-staff-drafts = نقاشات مسودة أو مسحوبة
discussion-staff-drafts-empty = لا توجد نقاشات مسودة أو مسحوبة.
discussion-staff-open = نقاشات مفتوحة
discussion-staff-open-empty = لا يوجد نقاش مفتوح.
discussion-staff-upcoming = نقاشات قادمة
discussion-staff-upcoming-empty = لا يوجد نقاش سيُفتح قريبًا.
discussion-staff-closed = نقاشات مغلقة
discussion-staff-closed-empty = لم يُغلق أي نقاش بعد.

reason-introduction-field_required = أدخل مقدمة
reason-introduction-field_too_long-limit = يجب ألا يزيد عدد أحرف المقدمة على { $limit }
reason-consultation_stage-invalid_choice = اختر مرحلة استشارة من القائمة، أو «غير مرتبط»
reason-unknown_consultation = لم تعد تلك الاستشارة موجودة: اختر مرحلة أخرى، أو «غير مرتبط»
reason-stage_ended = انتهت تلك المرحلة من الاستشارة: اختر مرحلة قادمة أو جارية، أو «غير مرتبط»
reason-unknown_stage = لم تعد تلك المرحلة في الجدول الزمني للاستشارة: اختر مرحلة أخرى، أو «غير مرتبط»
reason-questions-field_too_long = اكتب 10 أسئلة توجيهية على الأكثر، لا يتجاوز كل منها 300 حرف
reason-questions-field_too_long-limit = اكتب 10 أسئلة توجيهية على الأكثر، لا يتجاوز كل منها 300 حرف
reason-pre_moderation-invalid_choice = اختر هل تنتظر التعليقات مشرفًا
reason-first_comments-out_of_range = أدخل عدد التعليقات الأولى التي تنتظر، عددًا صحيحًا من 1 إلى 20
reason-discussion_imported = استُورد هذا النقاش: هو للقراءة فقط، ولا يمكن تغيير تفاصيله.

discussion-staff-status-draft = مسودة
discussion-staff-status-upcoming = قادم
discussion-staff-status-open = مفتوح
discussion-staff-status-closed = مغلق
discussion-staff-dates-upcoming = يُفتح { $opens } ويُغلق { $closes }
discussion-staff-dates-upcoming-same-day = يُفتح الساعة { $opens } ويُغلق الساعة { $closes } في { $day }
# مسودة في قوائم الموظفين: الموعدان المخطط لهما.
discussion-staff-dates-draft = من المخطط أن يُفتح { $opens } ويُغلق { $closes }
discussion-staff-dates-draft-same-day = من المخطط أن يُفتح الساعة { $opens } ويُغلق الساعة { $closes } في { $day }
discussion-staff-dates-open = يُغلق { $closes }
discussion-staff-dates-closed = أُغلق { $closes }
discussion-staff-opens = يُفتح
discussion-staff-opened = فُتح
discussion-staff-closes = يُغلق
discussion-staff-ran = جرى
discussion-staff-ran-dates = من { $opens } إلى { $closes }
discussion-staff-ran-dates-same-day = في { $day } من { $opens } إلى { $closes }
confirm-remove-stage-title = هل تزيل مرحلة العبارات من «{ $title }»؟
confirm-remove-stage-lead = لن يتمكن السكان بعدها من التصويت على العبارات أو إضافة عباراتهم، ويختفي رابط المرحلة من صفحة النقاش. لا يُحذف شيء: تبقى العبارات والأصوات محفوظة، وتعيدها إضافةُ المرحلة من جديد.
