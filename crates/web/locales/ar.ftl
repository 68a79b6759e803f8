# تعاون — الرسائل بالعربية. المفاتيح نفسها في fr.ftl وen.ftl.

app-name = تعاون
skip-to-content = انتقل إلى المحتوى
nav-main = القائمة الرئيسية
nav-home = الرئيسية
nav-commissions = اللجان المشتركة
nav-agreements = الاتفاقيات
nav-language = اللغة
nav-breadcrumbs = أنت هنا
nav-on-page = في هذه الصفحة
demo-banner = بيانات للعرض التوضيحي. العناصر غير المأخوذة من مصادر علنية تحمل علامة «مثال».
footer = تعاون — متابعة اللجان المشتركة والاتفاقيات وخطط العمل.
example = مثال
example-title = عنصر توضيحي غير مأخوذ من مصدر علني
not-translated = غير مترجم: معروض باللغة { $language }
lang-self = العربية
lang-name-ar = العربية
lang-name-fr = الفرنسية
lang-name-en = الإنجليزية
percent = { $value }%
home-title = متابعة التعاون
home-intro = اللجان المشتركة ودوراتها والاتفاقيات الموقّعة وخطط العمل التي تنفّذها.
home-recent-sessions = أحدث الدورات
home-agreements-in-force = الاتفاقيات السارية المفعول
home-open-items = الإجراءات الجارية
commissions-title = اللجان المشتركة
commissions-none = لا توجد لجنة مشتركة مسجّلة بعد.
sessions-title = الدورات
sessions-none = لا توجد دورات مسجّلة.
sessions-attended-title = الدورات التي شارك فيها
co-chairs-title = الرئيسان المشاركان
delegations-title = الوفود
delegations-none = لا توجد وفود مسجّلة.
delegation-of = وفد
agenda-title = جدول الأعمال
agenda-none = لا يوجد جدول أعمال مسجّل.
decisions-title = القرارات
decisions-none = لا توجد قرارات مسجّلة.
events-title = الأنشطة الموازية والزيارات
events-none = لا توجد أنشطة موازية مسجّلة.
statements-title = الكلمات
statements-none = لا توجد كلمات مسجّلة.
agreements-title = الاتفاقيات
agreements-none = لا توجد اتفاقيات مسجّلة.
agreements-signed-title = الاتفاقيات الموقّعة خلال الدورة
agreement-items-title = الإجراءات المنفِّذة لهذه الاتفاقية
lifecycle-title = مراحل الاتفاقية
signatories-title = الموقّعون
clauses-title = البنود
clauses-none = لا توجد بنود مسجّلة.
implemented-by = تنفّذه الإجراءات
links-title = الاتفاقيات المرتبطة
links-none = لا توجد اتفاقيات مرتبطة.
plans-title = خطط العمل
plans-none = لا توجد خطط عمل مسجّلة.
items-none = لا توجد إجراءات مسجّلة.
items-led-title = الإجراءات التي يتولى قيادتها
area-unknown = مجال غير محدّد
leads-title = الهيئات المكلّفة بالتنفيذ
leads-none = لم تُحدَّد أي هيئة مكلّفة.
item-clauses-title = البنود المنفَّذة
indicator-title = المؤشر
progress-title = تقارير التقدم
progress-none = لم يُقدَّم أي تقرير تقدم بعد.
activities-title = الأنشطة
activities-none = لا توجد أنشطة مسجّلة.
people-title = الأشخاص
people-none = لا يوجد أشخاص مسجّلون.
organisations-title = الهيئات
organisations-none = لا توجد هيئات مسجّلة.
party-state = دولة
party-international = منظمة دولية
col-code = الرقم
col-action = الإجراء
col-lead = الهيئة المكلّفة
col-due = الأجل
col-start = البداية
col-status = الحالة
col-session = الدورة
col-sessions = الدورات
col-commission = اللجنة المشتركة
col-dates = التاريخ
col-date = التاريخ
col-place = المكان
col-host = البلد المضيف
col-agreement = الاتفاقية
col-kind = النوع
col-signed = تاريخ التوقيع
col-signed-place = مكان التوقيع
col-parties = الأطراف
col-party = الطرف
col-established = تاريخ الإنشاء
col-mandate = الولاية
col-role = الصفة
col-name = الاسم
col-name-arabic = الاسم بالحروف العربية
col-name-latin = الاسم بالحروف اللاتينية
col-aliases = صيغ أخرى للاسم
col-rank = الرتبة
col-function = الوظيفة
col-organisation = الهيئة
col-parent = تابعة لـ
col-children = الهيئات التابعة
col-short-name = الاسم المختصر
col-iso = رمز الأيزو
col-reference = المرجع
col-duration = المدة الأولية
col-renewal = التجديد
col-areas = مجالات التعاون
col-area = مجال التعاون
col-plan = خطة العمل
col-implements = تنفيذًا لـ
col-period = الفترة
col-items = الإجراءات
col-baseline = القيمة المرجعية
col-target = القيمة المستهدفة
col-actual = القيمة المحقّقة
col-reported-by = الطرف المُبلِّغ
col-percent = نسبة الإنجاز
col-narrative = ملاحظات
col-participants = المشاركون
error-go-home = العودة إلى الصفحة الرئيسية
error-not-found-title = الصفحة غير موجودة
error-not-found = لا يوجد أي سجل أو صفحة بهذا العنوان. ربما نُقلت الصفحة أو أن الرابط غير مكتمل.
error-bad-request-title = عنوان غير صالح
error-bad-request = هذا العنوان غير سليم: أحد المعرّفات أو المعاملات غير صالح.
error-internal-title = حدث خطأ
error-internal = تعذّر على الخادم إتمام هذا الطلب. سُجِّل الخلل؛ يُرجى المحاولة لاحقًا.
kind-mou = مذكرة تفاهم
kind-agreement = اتفاق
kind-protocol = بروتوكول
kind-roadmap = خارطة طريق
kind-convention = اتفاقية
lifecycle-ended = انتهاء العمل بها
colon = :
lifecycle-draft = مشروع
lifecycle-signed = موقّعة
lifecycle-in_force = سارية المفعول
lifecycle-expired = منتهية الصلاحية
lifecycle-terminated = مُنهاة
lifecycle-superseded = مستبدَلة
status-planned = مبرمج
status-in_progress = قيد التنفيذ
status-on_hold = معلّق
status-done = منجز
status-cancelled = ملغى
role-head = رئيس الوفد
role-co_chair = رئيس مشارك
role-deputy_head = نائب رئيس الوفد
role-member = عضو
role-expert = خبير
activity-course = دورة تدريبية
activity-expert_exchange = تبادل الخبراء
activity-visit = زيارة
activity-exercise = تمرين
activity-conference = مؤتمر
event-visit = زيارة
event-meeting = اجتماع
event-ceremony = حفل
event-demonstration = عرض توضيحي
occasion-opening = الجلسة الافتتاحية
occasion-closing = الجلسة الختامية
link-amends = تعدّل
link-supersedes = تحلّ محلّ
link-implements = تنفّذ
link-in-amends = عُدِّلت بموجب
link-in-supersedes = حلّت محلّها
link-in-implements = تنفّذها

## Counts (plural-aware)

sessions-count =
    { $count ->
        [zero] لا دورات
        [one] دورة واحدة
        [two] دورتان
        [few] { $count } دورات
        [many] { $count } دورة
       *[other] { $count } دورة
    }
members-count =
    { $count ->
        [zero] لا أعضاء
        [one] عضو واحد
        [two] عضوان
        [few] { $count } أعضاء
        [many] { $count } عضوًا
       *[other] { $count } عضو
    }
items-count =
    { $count ->
        [zero] لا إجراءات
        [one] إجراء واحد
        [two] إجراءان
        [few] { $count } إجراءات
        [many] { $count } إجراءً
       *[other] { $count } إجراء
    }
clauses-count =
    { $count ->
        [zero] لا بنود
        [one] بند واحد
        [two] بندان
        [few] { $count } بنود
        [many] { $count } بندًا
       *[other] { $count } بند
    }
months-count =
    { $count ->
        [zero] { $count } شهر
        [one] شهر واحد
        [two] شهران
        [few] { $count } أشهر
        [many] { $count } شهرًا
       *[other] { $count } شهر
    }
participants-count =
    { $count ->
        [zero] لا مشاركين
        [one] مشارك واحد
        [two] مشاركان
        [few] { $count } مشاركين
        [many] { $count } مشاركًا
       *[other] { $count } مشارك
    }
session-ordinal =
    { $count ->
        [1] الدورة الأولى
        [2] الدورة الثانية
        [3] الدورة الثالثة
        [4] الدورة الرابعة
        [5] الدورة الخامسة
        [6] الدورة السادسة
        [7] الدورة السابعة
        [8] الدورة الثامنة
        [9] الدورة التاسعة
        [10] الدورة العاشرة
       *[other] الدورة { $count }
    }
clause-number = البند { $count }
