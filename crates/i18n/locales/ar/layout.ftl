## أجزاء مشتركة في كل صفحة

product-name = كوهيجن
skip-link = انتقل إلى المحتوى الرئيسي
nav-label = القائمة
nav-home = الرئيسية
nav-get-involved = شارك معنا
nav-about = عن الموقع
language-switcher-label = اللغة
# Between the items of a list shown in running text.
list-separator = {"، "}
phase-tag = تجريبي
phase-text = هذه خدمة جديدة. ملاحظاتك تساعدنا على تحسينها.
footer-heading = روابط المساعدة
footer-accessibility = بيان إمكانية الوصول
footer-privacy = إشعار الخصوصية
footer-cookies = ملفات تعريف الارتباط
footer-about = عن هذا الموقع
footer-licence = بُني هذا الموقع باستخدام كوهيجن، وهي منصة مفتوحة المصدر للبرامج التي تقودها المجتمعات المحلية.
page-title = { $page } – { $site }

## «هل هذه الصفحة مفيدة؟»

feedback-question = هل هذه الصفحة مفيدة؟
feedback-yes = نعم
feedback-yes-hidden = هذه الصفحة مفيدة
feedback-no = لا
feedback-no-hidden = هذه الصفحة غير مفيدة
feedback-thanks = شكرًا لك على ملاحظاتك.
feedback-count = { $count ->
    [zero] لم يجد أحد هذه الصفحة مفيدة حتى الآن.
    [one] حتى الآن، وجد شخص واحد هذه الصفحة مفيدة.
    [two] حتى الآن، وجد شخصان هذه الصفحة مفيدة.
    [few] حتى الآن، وجد { $count } أشخاص هذه الصفحة مفيدة.
    [many] حتى الآن، وجد { $count } شخصًا هذه الصفحة مفيدة.
   *[other] حتى الآن، وجد { $count } شخص هذه الصفحة مفيدة.
}
