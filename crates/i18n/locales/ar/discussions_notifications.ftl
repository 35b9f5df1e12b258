# البحث في تعليقات النقاشات، والإشعارات (المسألة 18، الجزء 9).

## البحث

discussions-search-comments = ابحث فيما كتبه الناس في النقاشات
search-title = البحث في النقاشات
search-lead = اعثر على النقاشات والتعليقات التي تذكر أمرًا ما. تُوجد الكلمات العربية أيًّا كانت طريقة كتابتها أو تشكيلها.
search-field = الكلمات التي تبحث عنها
search-button = ابحث
search-results-for = نتائج البحث عن { $words }
search-discussions-heading = النقاشات
search-all-discussions = اعرض كل النقاشات المطابقة
search-comments-heading = التعليقات
search-result-link = { $name }: «{ $words }»
search-result-in = في «{ $discussion }»
search-no-comments = لا توجد تعليقات تطابق هذه الكلمات. جرّب كلمات أقل أو مختلفة.
search-more = تعليقات أقدم
search-first = أحدث التعليقات
search-error-short = أدخل حرفين على الأقل للبحث

## متابعة نقاش

discussion-follow-button = أبلغني عند إغلاق هذا النقاش
discussion-unfollow-button = توقف عن إبلاغي عند إغلاقه
discussion-follow-hint = إن طلبت ذلك، سيصلك إشعار، وبريد إلكتروني إن اخترته، عند إغلاقه.
discussion-following-hint = طلبت أن تُبلَّغ عند إغلاق هذا النقاش.
done-discussion-followed = تم الحفظ: ستُبلَّغ عند إغلاق هذا النقاش.
done-discussion-unfollowed = لن تُبلَّغ بعد الآن عند إغلاق هذا النقاش.

## صفحة الإشعارات

notifications-title = الإشعارات
notifications-unread = { PLURAL($count) ->
    [zero] لا توجد إشعارات غير مقروءة
    [one] إشعار واحد غير مقروء
    [two] إشعاران غير مقروءين
    [few] { $count } إشعارات غير مقروءة
    [many] { $count } إشعارًا غير مقروء
   *[other] { $count } إشعار غير مقروء
}
# Said when there are more unread than are counted: $count is 99.
notifications-unread-more = أكثر من { $count } إشعارًا غير مقروء
notifications-empty = لا توجد لديك إشعارات بعد. ستُبلَّغ هنا عندما يرد أحد على تعليقاتك، وعندما يتخذ مشرف قرارًا بشأن أحدها، وعندما يُغلق نقاش طلبت أن تُبلَّغ بإغلاقه.
notifications-mark-all = اجعلها كلها مقروءة
notification-mark-read = اجعله مقروءًا
notification-unread = غير مقروء
notifications-settings-link = اختر ما تُبلَّغ به
notifications-older = إشعارات أقدم
notifications-newest = أحدث الإشعارات
done-notifications-read = صارت كل إشعاراتك مقروءة.
done-notification-read = صار الإشعار مقروءًا.

notification-reply = ردّ أحدهم على تعليقك في «{ $discussion }»
notification-reply-by = ردّ { $name } على تعليقك في «{ $discussion }»
notification-closing = أُغلق «{ $discussion }». ما زال بإمكانك قراءته.
notification-moderation-approve = وافق مشرف على تعليقك في «{ $discussion }». يمكن للجميع قراءته الآن.
notification-moderation-hide = أخفى مشرف تعليقك في «{ $discussion }». السبب: { $reason }. يمكنك الطعن في القرار مرة واحدة، من تعليقك.
notification-moderation-hide-appealed = أخفى مشرف تعليقك في «{ $discussion }». السبب: { $reason }. لقد طعنت في القرار: سيبتّ فيه مشرف لم يتخذه، وستُبلَّغ بالنتيجة.
# What the moderator wrote to the author, as they typed it.
notification-moderation-note = ملاحظة المشرف: «{ $note }»
notification-moderation-restore = أعاد مشرف إظهار تعليقك في «{ $discussion }». يمكن للجميع قراءته مجددًا.
notification-moderation-redact = حذف مشرف معلومات شخصية من تعليقك في «{ $discussion }».
notification-moderation-warn = وجّه إليك مشرف تحذيرًا بسبب تعليقك في «{ $discussion }». يُرجى قراءة قواعد المشاركة.
notification-moderation-suspend = { PLURAL($days) ->
    [one] أوقفك مشرف عن التعليق يومًا واحدًا بسبب تعليقك في «{ $discussion }».
    [two] أوقفك مشرف عن التعليق يومين بسبب تعليقك في «{ $discussion }».
    [few] أوقفك مشرف عن التعليق { $days } أيام بسبب تعليقك في «{ $discussion }».
    [many] أوقفك مشرف عن التعليق { $days } يومًا بسبب تعليقك في «{ $discussion }».
   *[other] أوقفك مشرف عن التعليق { $days } يوم بسبب تعليقك في «{ $discussion }».
}
notification-moderation-appeal_upheld = صدر القرار في طعنك على تعليقك في «{ $discussion }»: يبقى القرار كما هو.
notification-moderation-appeal_overturned = صدر القرار في طعنك على تعليقك في «{ $discussion }»: أُلغيت القرارات المتخذة بشأنه. يُعرض التعليق المخفي من جديد، ويُسحب أي تحذير أو إيقاف بسببه.
notification-moderation-other = اتخذ مشرف قرارًا بشأن تعليقك في «{ $discussion }».

## اختيار ما تُبلَّغ به

notification-kind-reply = الردود على تعليقاتي
notification-kind-moderation = قرارات المشرفين بشأن تعليقاتي
notification-kind-closing = إغلاق النقاشات التي طلبت أن أُبلَّغ بإغلاقها
notification-settings-title = اختر ما تُبلَّغ به
notification-settings-lead = اختر ما يظهر في صفحة إشعاراتك وما يُرسل أيضًا إلى بريدك الإلكتروني. في كل رسالة رابط يوقف هذا النوع من الرسائل.
notification-settings-site = في صفحة إشعاراتي
notification-settings-email = بالبريد الإلكتروني
notification-settings-email-hint = تُرسل الرسائل إلى عنوان حسابك، بلغتك.
notification-settings-button = احفظ اختياراتي
notification-settings-back = العودة إلى الإشعارات
done-notification-settings-saved = حُفظت اختياراتك.

## إيقاف رسائل البريد

unsubscribe-title = أوقف هذه الرسائل
unsubscribe-lead = هل تريد إيقاف الرسائل من هذا النوع؟ يمكنك إعادتها من اختيارات الإشعارات.
unsubscribe-button = أوقف هذه الرسائل
unsubscribe-done-title = أُوقفت الرسائل
unsubscribe-done = لن تصلك بعد الآن رسائل عن: { $kind }.
unsubscribe-settings-link = اختر ما تُبلَّغ به

## رسائل الإشعارات

notification-email-subject-reply = ردّ على تعليقك
notification-email-subject-reply-by = ردّ { $name } على تعليقك
notification-email-subject-moderation = قرار بشأن تعليقك
notification-email-subject-closing = أُغلق نقاش طلبت أن تُبلَّغ بإغلاقه
notification-email-body = { $what }
    حدث ذلك في { $when }.

    اقرأه: { $link }

    اختر ما تُبلَّغ به: { $settings }
    أوقف هذه الرسائل: { $unsubscribe }

# "Your data": notifications, the choices of what to be told, follows.
data-notifications = إشعاراتك
data-notification-kind = النوع
data-notification-read = قُرئ
data-notification-unread = ليس بعد
data-notification-choices = ما اخترت أن تُبلَّغ به
data-notification-choices-none = لم تغيّر شيئًا: تُبلَّغ كما يُبلَّغ الجميع افتراضيًا.
data-notification-in-site = على هذا الموقع
data-notification-by-email = بالبريد الإلكتروني
data-following = النقاشات التي طلبت أن تُبلَّغ بإغلاقها
data-following-discussion = النقاش
data-following-gone = نقاش لم يعد منشورًا
