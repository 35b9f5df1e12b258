# الرسائل المجتمعية بالبريد الإلكتروني (المسألة 19).

nav-community-messages = الرسائل المجتمعية

community-subscribe-title = احصل على الرسائل المجتمعية بالبريد الإلكتروني
community-subscribe-lead = يرسل المجلس رسائل قصيرة عمّا يهم في منطقتك: نصائح للسلامة، واجتماعات وفعاليات، واستشارات ونتائجها. اختر مناطقك والمواضيع واللغة التي تريدها.
community-subscribe-privacy = لا تحتاج إلى حساب. نستخدم عنوان بريدك الإلكتروني لإرسال هذه الرسائل فقط، وفي كل رسالة رابط لإيقافها بنقرة واحدة.
community-subscribe-button = اشترك
community-get-by-email = احصل على الرسائل المجتمعية بالبريد الإلكتروني
community-all-areas-label = أين
community-all-areas = كل المناطق
community-areas-label = أو اختر مناطق
community-areas-hint = اختر «كل المناطق» أعلاه، أو منطقة أو أكثر هنا.
community-topics-label = المواضيع
community-language-label = لغة الرسائل
community-too-many = وصلت طلبات اشتراك كثيرة جدًا من اتصالك.
community-check-email-title = تحقق من بريدك الإلكتروني
community-check-email = أرسلنا رابطًا إلى العنوان الذي أدخلته. افتحه خلال 7 أيام واضغط «تأكيد» لتبدأ في تلقي الرسائل. إذا كان العنوان مشتركًا من قبل، فالتأكيد يحدّث ما تتلقاه.
community-archive-link = اقرأ الرسائل المجتمعية السابقة
community-link-dead-title = هذا الرابط لا يعمل
community-link-dead = انتهت صلاحية هذا الرابط أو استُخدم من قبل، أو لم ينشئه هذا الموقع. لم يتغير شيء.
community-subscribe-again = اشترك من جديد أو غيّر ما تتلقاه
community-confirm-title = أكّد اشتراكك
community-confirm-button = تأكيد
community-confirm-areas = المناطق: { $areas }
community-confirm-topics = المواضيع: { $topics }
community-confirmed-title = أنت مشترك الآن
community-confirmed = شكرًا لك. ستصلك الرسائل المجتمعية بالبريد الإلكتروني. في كل رسالة رابط لإلغاء الاشتراك.
community-unsubscribe-title = إلغاء الاشتراك في الرسائل المجتمعية
community-unsubscribe-lead = لن تصلك رسائل مجتمعية أخرى على هذا العنوان.
community-unsubscribe-button = إلغاء الاشتراك
community-unsubscribed-title = أُلغي اشتراكك
community-unsubscribed = أُلغي اشتراكك. لن تصلك رسائل مجتمعية أخرى.
community-unsubscribed-already = كان اشتراكك ملغى من قبل. لا حاجة إلى فعل شيء آخر.

community-archive-title = الرسائل المجتمعية
community-archive-lead = الرسائل التي أرسلها المجلس إلى المشتركين، الأحدث أولًا.
community-archive-caption = الرسائل المرسلة
community-archive-empty = لم تُرسل أي رسائل مجتمعية بعد.
community-feed-link = تابع الرسائل المجتمعية في قارئ الخلاصات (Atom)
community-col-subject = الموضوع
community-col-sent = أُرسلت
community-col-status = الحالة
community-col-when = الموعد
community-status-draft = مسودة
community-status-scheduled = مجدولة
community-status-sending = قيد الإرسال
community-status-sent = أُرسلت
community-sent-on = أُرسلت { $date }

community-confirm-email-subject = أكّد اشتراكك في الرسائل المجتمعية
community-confirm-email-body =
    طلب أحدهم، وربما أنت، تلقي الرسائل المجتمعية على هذا العنوان.

    للتأكيد، افتح هذا الرابط خلال 7 أيام واضغط «تأكيد»:
    { $link }

    إذا لم تكن أنت، فتجاهل هذه الرسالة: لن يُرسل شيء.
community-message-email-footer =
    اقرأ هذه الرسالة على الموقع: { $online }
    غيّر ما تتلقاه: { $change }
    إلغاء الاشتراك: { $unsubscribe }

community-staff-title = الرسائل المجتمعية
community-staff-new = اكتب رسالة مجتمعية
community-staff-all = كل الرسائل المجتمعية
community-staff-empty = لا توجد رسائل مجتمعية بعد.
community-staff-edit = غيّر الرسالة
community-staff-save = حفظ
community-staff-back = العودة إلى الرسالة
community-staff-form-lead = اكتب رسالة قصيرة للمشتركين في المناطق والمواضيع التي تختارها. يرى الموظفون عدد من تصلهم، لا هوياتهم.
community-field-subject = الموضوع
community-field-body = الرسالة
community-field-body-hint = نص عادي، أو Markdown الخاص بالموقع: فقرات وقوائم وروابط.
community-field-language = بأي لغة تكتب؟
community-staff-translate = ترجمة الرسالة
community-staff-translate-into = ترجمة إلى { $language }
community-staff-translate-lead = الرسالة كما كُتبت:
community-staff-translate-empty = اترك الحقلين فارغين لإرسال الأصل إلى الجميع.
community-reach = تصل إلى
community-reach-total = { PLURAL($count) ->
    [zero] لا يوجد مشتركون مؤكَّدون.
    [one] مشترك مؤكَّد واحد.
    [two] مشتركان مؤكَّدان.
    [few] { $count } مشتركين مؤكَّدين.
    [many] { $count } مشتركًا مؤكَّدًا.
   *[other] { $count } مشترك مؤكَّد.
}
community-reach-language = { $language }: { $count }.
community-counts = الرسائل الإلكترونية
community-counts-said = { $queued } في الانتظار، { $delivered } سُلّمت، { $failed } تعذّر تسليمها.
community-preview-heading = كما تصل بـ{ $language }
community-field-send-at = موعد الإرسال (اتركه فارغًا للإرسال الآن)
community-field-send-at-hint = بالتوقيت المحلي للمجلس، مثلًا 25 ديسمبر 2026 الساعة 9 صباحًا.
community-staff-send = إرسال
community-send-question = هل تريد إرسال «{ $subject }»؟
community-send-now-lead = ستُرسل الآن.
community-send-at-lead = ستُرسل { $when }.
community-send-warning = بعد إرسالها لا يمكن تغييرها أو استرجاعها.
community-send-yes = نعم، أرسلها
done-community-message-saved = حُفظت الرسالة.
done-community-message-translated = حُفظت الترجمة.
done-community-message-sent = يجري إرسال الرسالة.
done-community-message-scheduled = ستُرسل الرسالة في الموعد الذي حددته.
reason-message_already_sent = أُرسلت هذه الرسالة من قبل. لم يتغير شيء.
