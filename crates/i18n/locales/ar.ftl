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
code-shared = الرقم نفسه لسجل آخر
code-shared-items = إجراء آخر من هذه الخطة يحمل الرمز نفسه؛ غيّروا رمز أحدهما حتى يميّز الجميع بينهما:
not-translated = غير مترجم: معروض باللغة { $language }
lang-self = العربية
lang-name-ar = العربية
lang-name-fr = الفرنسية
lang-name-en = الإنجليزية
home-title = متابعة التعاون
home-intro = اللجان المشتركة ودوراتها والاتفاقيات الموقّعة وخطط العمل التي تنفّذها.
home-recent-sessions = أحدث الدورات
home-agreements-in-force = الاتفاقيات السارية المفعول
home-open-items = الإجراءات الجارية
home-all-commissions = جميع اللجان المشتركة
home-all-agreements = جميع الاتفاقيات
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
clauses-title = المواد
clauses-none = لا توجد مواد مسجّلة.
implemented-by = تنفّذه الإجراءات
links-title = الاتفاقيات المرتبطة
links-none = لا توجد اتفاقيات مرتبطة.
plans-title = خطط العمل
plans-none = لا توجد خطط عمل مسجّلة.
items-none = لا توجد إجراءات مسجّلة.
items-led-title = الإجراءات التي تتولى قيادتها
area-unknown = مجال غير محدّد
leads-title = الهيئات المكلّفة بالتنفيذ
leads-none = لم تُحدَّد أي هيئة مكلّفة.
item-clauses-title = المواد المنفَّذة
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
error-too-large-title = الملف كبير جدًا
error-too-large = ما أرسلته يتجاوز الحجم المسموح به (10 ميغابايت لملف الاستيراد، 50 ميغابايت لملف مرفق). لم يُحفظ أي شيء.
error-busy-title = مستندات كثيرة في وقت واحد
error-busy-yours = يجري الآن إعداد تصديرين أو استيرادين أو مستندين بصيغة PDF لك. انتظر حتى يكتملا ثم أعد المحاولة؛ فالأمر يستغرق عادةً بضع ثوانٍ.
error-busy-instance = يُعدّ الخادم الآن أقصى ما يستطيع من المستندات لقرّاء آخرين. أعد المحاولة بعد بضع ثوانٍ.
error-internal-title = حدث خطأ
error-internal = تعذّر على الخادم إتمام هذا الطلب. سُجِّل الخلل؛ يُرجى المحاولة لاحقًا.
error-storage-title = تعذّر حفظ البيانات حاليًا
error-storage = لا يستطيع الخادم كتابة بياناته في الوقت الحالي (قد يكون قرصه ممتلئًا أو معطّلًا). لم يُحفظ أي شيء. أعيدوا المحاولة بعد بضع دقائق، وإن استمر الأمر فأبلغوا المسؤول.
error-timeout-title = استغرق الرد وقتًا طويلًا
error-timeout = تعذّر على الخادم الرد في المهلة المحددة فتخلّى عن هذا الطلب. إن كنتم تحفظون شيئًا، فتحقّقوا مما إذا كان قد حُفظ قبل إعادة المحاولة.
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
    { PLURAL($count) ->
        [zero] لا دورات
        [one] دورة واحدة
        [two] دورتان
        [few] { $count } دورات
        [many] { $count } دورة
       *[other] { $count } دورة
    }
members-count =
    { PLURAL($count) ->
        [zero] لا أعضاء
        [one] عضو واحد
        [two] عضوان
        [few] { $count } أعضاء
        [many] { $count } عضوًا
       *[other] { $count } عضو
    }
items-count =
    { PLURAL($count) ->
        [zero] لا إجراءات
        [one] إجراء واحد
        [two] إجراءان
        [few] { $count } إجراءات
        [many] { $count } إجراءً
       *[other] { $count } إجراء
    }
items-count-over = أكثر من { $count } إجراء
commissions-count =
    { PLURAL($count) ->
        [zero] لا لجان
        [one] لجنة واحدة
        [two] لجنتان
        [few] { $count } لجان
        [many] { $count } لجنة
       *[other] { $count } لجنة
    }
commissions-count-over = أكثر من { $count } لجنة
agreements-count =
    { PLURAL($count) ->
        [zero] لا اتفاقيات
        [one] اتفاقية واحدة
        [two] اتفاقيتان
        [few] { $count } اتفاقيات
        [many] { $count } اتفاقية
       *[other] { $count } اتفاقية
    }
agreements-count-over = أكثر من { $count } اتفاقية
clauses-count =
    { PLURAL($count) ->
        [zero] لا مواد
        [one] مادة واحدة
        [two] مادتان
        [few] { $count } مواد
        [many] { $count } مادةً
       *[other] { $count } مادة
    }
months-count =
    { PLURAL($count) ->
        [zero] { $count } شهر
        [one] شهر واحد
        [two] شهران
        [few] { $count } أشهر
        [many] { $count } شهرًا
       *[other] { $count } شهر
    }
participants-count =
    { PLURAL($count) ->
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
clause-number = المادة { $count }

## الحسابات: تسجيل الدخول، حسابي، إدارة المستخدمين
nav-account = حسابي
nav-users = المستخدمون
nav-login = تسجيل الدخول
nav-logout = تسجيل الخروج
login-title = تسجيل الدخول
login-username = اسم المستخدم
login-password = كلمة المرور
login-submit = دخول
login-refused = اسم المستخدم أو كلمة المرور غير صحيحة.
login-throttled =
    { PLURAL($count) ->
        [zero] محاولات فاشلة كثيرة. أعد المحاولة بعد قليل.
        [one] محاولات فاشلة كثيرة. أعد المحاولة بعد دقيقة واحدة.
        [two] محاولات فاشلة كثيرة. أعد المحاولة بعد دقيقتين.
        [few] محاولات فاشلة كثيرة. أعد المحاولة بعد { $count } دقائق.
        [many] محاولات فاشلة كثيرة. أعد المحاولة بعد { $count } دقيقة.
       *[other] محاولات فاشلة كثيرة. أعد المحاولة بعد { $count } دقيقة.
    }
login-ended = انتهت جلستك. يرجى تسجيل الدخول من جديد.
login-code-title = عامل التحقق الثاني
login-code-help = أدخل الرمز المكوّن من 6 أرقام الذي يعرضه تطبيق المصادقة، أو أحد رموز الاسترداد.
login-code = الرمز
login-code-submit = تأكيد
login-code-cancel = إلغاء وتسجيل الخروج
error-forbidden-title = إجراء غير مسموح به
error-forbidden = لا يسمح حسابك بهذا الإجراء. تواصل مع أحد المسؤولين إن كنت بحاجة إليه.
error-csrf = تعذّر قبول هذه الاستمارة: انتهت صلاحيتها أو أُرسلت من موقع آخر. أعد تحميل الصفحة وحاول مجددًا.
user-role-administrator = مسؤول النظام
user-role-secretariat = الأمانة
user-role-party_editor = محرّر الطرف
user-role-reader = قارئ
user-role-auditor = مدقّق
account-title = حسابي
account-username = اسم المستخدم
account-display-name = الاسم
account-role = الدور
account-party = الطرف
account-organisation = الهيئة
account-clearance = مستوى التصريح الأمني
account-password-title = تغيير كلمة المرور
account-password-current = كلمة المرور الحالية
account-password-new = كلمة المرور الجديدة
account-password-confirm = تأكيد كلمة المرور الجديدة
account-password-submit = تغيير كلمة المرور
account-password-changed = تم تغيير كلمة المرور.
account-password-wrong = هذه ليست كلمة المرور الحالية.
password-too-short =
    { PLURAL($count) ->
        [zero] كلمة المرور قصيرة جدًا.
        [one] كلمة المرور قصيرة جدًا: حرف واحد على الأقل.
        [two] كلمة المرور قصيرة جدًا: حرفان على الأقل.
        [few] كلمة المرور قصيرة جدًا: { $count } أحرف على الأقل.
        [many] كلمة المرور قصيرة جدًا: { $count } حرفًا على الأقل.
       *[other] كلمة المرور قصيرة جدًا: { $count } حرف على الأقل.
    }
password-too-long = كلمة المرور طويلة جدًا.
password-mismatch = كلمتا المرور غير متطابقتين.
account-password-refused = رُفضت كلمة المرور:
account-user-refused = رُفض المستخدم:
password-hint =
    { PLURAL($count) ->
        [zero] يسهل تذكّر عبارة من عدة كلمات.
        [one] حرف واحد على الأقل.
        [two] حرفان على الأقل.
        [few] { $count } أحرف على الأقل. يسهل تذكّر عبارة من عدة كلمات.
        [many] { $count } حرفًا على الأقل. يسهل تذكّر عبارة من عدة كلمات.
       *[other] { $count } حرف على الأقل. يسهل تذكّر عبارة من عدة كلمات.
    }
account-totp-title = الدخول على خطوتين
account-totp-on = الدخول على خطوتين مفعّل: بعد كلمة المرور يُطلب رمز من تطبيق المصادقة.
account-totp-off = الدخول على خطوتين غير مفعّل. فعّله حتى لا تكفي كلمة مرور مسروقة وحدها لفتح حسابك.
account-totp-enable = تفعيل الدخول على خطوتين
account-totp-disable = إيقاف الدخول على خطوتين
account-totp-disable-code = الرمز الحالي من تطبيق المصادقة
account-totp-disabled = تم إيقاف الدخول على خطوتين.
totp-enrol-title = تفعيل الدخول على خطوتين
totp-enrol-scan = امسح رمز QR هذا بتطبيق المصادقة (FreeOTP أو Aegis أو Google Authenticator…).
totp-enrol-qr-alt = رمز QR لإضافة هذا الحساب إلى تطبيق مصادقة
totp-enrol-secret = إن تعذّر المسح، أدخل هذا المفتاح في التطبيق:
totp-enrol-code = الرمز الذي يعرضه التطبيق
totp-enrol-submit = تأكيد وتفعيل
totp-enrol-cancel = إلغاء
totp-code-wrong = هذا الرمز غير صالح. تحقّق من ساعة هاتفك وأدخل الرمز الحالي.
totp-codes-title = رموز الاسترداد
totp-codes-enabled = تم تفعيل الدخول على خطوتين.
totp-codes-help = احفظ رموز الاسترداد هذه في مكان آمن بعيدًا عن هاتفك. يصلح كل رمز مرة واحدة بدلًا من رمز التطبيق. لن تُعرض إلا هذه المرة.
totp-codes-done = حفظتها: العودة إلى حسابي
admin-users-title = المستخدمون
admin-users-new = مستخدم جديد
admin-users-none = لا يوجد مستخدمون بعد.
admin-audit-head = رأس سجل التدقيق (احفظه خارج الخادم؛ يقارنه الأمر ⁦`taawun check --expect-head`⁩ لاحقًا):
admin-user-new-title = مستخدم جديد
admin-user-edit-title = تعديل المستخدم
admin-user-username = اسم المستخدم
admin-user-username-hint = حروف لاتينية صغيرة وأرقام ونقطة وشرطة وشرطة سفلية؛ من 2 إلى 64 حرفًا.
admin-user-username-fixed = لا يمكن تغيير اسم المستخدم.
admin-user-username-invalid = استعمل من 2 إلى 64 من الحروف اللاتينية الصغيرة أو الأرقام أو النقاط أو الشرطات أو الشرطات السفلية.
admin-user-username-taken = اسم المستخدم هذا مستعمل من قبل.
admin-user-display-name = الاسم
admin-user-party = الطرف
admin-user-organisation = الهيئة
admin-user-organisation-none = لا شيء
admin-user-person = الشخص في السجل
admin-user-person-none = لا أحد
admin-user-person-hint = يعتمد رئيس الوفد المحضر وهو متصل بحساب مرتبط بشخصه. يُعرض أشخاص الطرف بعد تحديد طرف الحساب.
admin-user-role = الدور
admin-user-clearance = مستوى التصريح الأمني
admin-user-commissions = اللجان
admin-user-commissions-hint = اللجان المشتركة التي يحرّر هذا المستخدم أعمالها (لدور الأمانة).
admin-user-active = حساب نشط
admin-user-active-hint = لا يستطيع الحساب الموقوف تسجيل الدخول؛ ويُحتفظ به للسجل.
admin-user-status = الحالة
admin-user-active-yes = نشط
admin-user-active-no = موقوف
admin-user-totp = الدخول على خطوتين
admin-yes = نعم
admin-no = لا
admin-user-choose = اختر قيمة.
admin-user-password = كلمة المرور
admin-user-password-confirm = تأكيد كلمة المرور
admin-user-create = إنشاء المستخدم
admin-user-save = حفظ
admin-user-created = تم إنشاء المستخدم.
admin-user-saved = تم حفظ التعديلات.
admin-user-has-errors = في الاستمارة أخطاء؛ انظر الحقول المشار إليها أدناه.
admin-user-conflict = عدّل شخص آخر هذا المستخدم في الأثناء. أعد تحميل الصفحة لرؤية تعديلاته، ثم أعد إدخال تعديلك.
admin-user-grant-refused = لا يمكنك منح مستوى تصريح أمني أعلى من مستواك، ولا إدارة حساب مستوى تصريحه أعلى من مستواك، ولا توسيع حسابك أنت (الدور أو الطرف أو اللجان أو مستوى تصريح أعلى). يجب أن يتولى ذلك مسؤول آخر.
admin-user-reset-title = إعادة تعيين كلمة المرور
admin-user-reset-submit = اعتماد كلمة المرور هذه
admin-user-reset-done = تمت إعادة تعيين كلمة المرور. أبلِغها إلى المستخدم بوسيلة آمنة.

## التصنيف والسجل والبحث (issue 3)
marking-banner = التصنيف
marking-unclassified = غير مصنف
# The markings as Moroccan texts name the French levels, one to one: « Secret » is سري
# there, so « Confidentiel » cannot be سري as well (the banner "Confidentiel / سري" was one
# level off); « Confidentiel » is كتمان and « Diffusion restreinte » نشر محدود, the literal
# rendering of the French. A « Très secret » level, if ever added, would be سري للغاية.
marking-restricted = نشر محدود
marking-confidential = كتمان
marking-secret = سري
releasable-originator = مقصور على { $party }
marking-originator-only = مقصور على الطرف المُصدِر
history-link = السجل
history-title = السجل
history-none = لم يُسجَّل أي تغيير.
history-hidden = غير معروض بمستوى تصريحك
history-unchanged = لم يتغير أي حقل.
history-empty-value = (فارغ)
history-action-create = إنشاء
history-action-update = تعديل
history-action-set_password = تعيين كلمة المرور
history-action-set_second_factor = تغيير الدخول على مرحلتين
history-action-use_recovery_code = استعمال رمز احتياطي
col-when = التاريخ
col-who = من
col-change = التغييرات
col-field = الحقل
col-old = قبل
col-new = بعد
pager-previous = السابق
pager-next = التالي
pager-sessions = دورات أخرى لهذه اللجنة
pager-items = إجراءات أخرى لهذه الخطة
search-label = بحث
search-submit = ابحث
search-title = البحث
search-prompt = اكتب كلمة أو أكثر: أسماء أو عناوين أو رموز، بأي من اللغات الثلاث.
search-results =
    { PLURAL($count) ->
        [zero] لا نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجة
       *[other] { $count } نتيجة
    }
search-none = لا توجد نتائج.
col-kind-record = النوع
col-result = النتيجة
entity-party = طرف
entity-organisation = هيئة
entity-rank = رتبة
entity-person = شخص
entity-area = مجال التعاون
entity-agreement = اتفاقية
entity-clause = مادة
entity-commission = لجنة مشتركة
entity-session = دورة
entity-action_plan = خطة عمل
entity-action_item = إجراء
entity-progress_update = تقرير تقدم
entity-activity = نشاط
entity-user = مستخدم

## الاستمارات (إدخال السجلات)
form-save = حفظ
form-add-rows = إضافة أسطر
form-cancel = إلغاء
form-has-errors = لم يُحفظ شيء: في الاستمارة أخطاء. صحّح الحقول المذكورة أدناه.
form-none = — لا شيء —
form-row = رقم { $count }
form-choose = { $field }: اختر قيمة.
form-required = { $field }: حقل مطلوب.
form-required-text = { $field }: مطلوب بلغة واحدة على الأقل.
form-too-long = { $field }: النص طويل جدًا (الحد الأقصى { PLURAL($max) ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    }).
form-out-of-range = { $field }: أدخل عددًا صحيحًا من { $min } إلى { $max }.
form-bad-number = { $field }: أدخل عددًا.
form-bad-date = { $field }: أدخل تاريخًا بالصيغة سنة-شهر-يوم (⁦YYYY-MM-DD⁩).
form-bad-choice = { $field }: هذا الاختيار غير متاح.
form-protection = الحماية
form-marking = درجة السرية
form-releasability = يُطلع عليه
form-releasability-hint = يُسجَّل طرفك طرفًا مُصدِرًا.
releasability-all_parties = جميع الأطراف
releasability-originator_only = الطرف المُصدِر فقط
conflict-title = حفظ شخص آخر هذا السجل في الأثناء
conflict-intro = عُدِّل هذا السجل بعد فتحك الاستمارة، فلم تُحفظ تعديلاتك. قارن بين النسختين أدناه.
conflict-reload = أعد تحميل النسخة الحالية ثم أعد إدخال تعديلاتك
conflict-field = الحقل
conflict-yours = نسختك
conflict-stored = النسخة المحفوظة
conflict-version = الإصدار
conflict-nothing-saved = نسختك معروضة هنا فقط: انسخ ما تحتاجه قبل إعادة التحميل.
form-person-new = شخص جديد
form-person-edit = تعديل بيانات الشخص
form-organisation-new = هيئة جديدة
form-organisation-edit = تعديل الهيئة
form-agreement-new = اتفاقية جديدة
form-agreement-edit = تعديل الاتفاقية
form-clause-new = مادة جديدة
form-clause-edit = تعديل المادة
form-commission-new = لجنة مشتركة جديدة
form-commission-edit = تعديل اللجنة المشتركة
form-session-new = دورة جديدة
form-session-edit = تعديل الدورة
form-delegations = تعديل الوفود
form-agenda = تعديل جدول الأعمال
form-decisions = تعديل القرارات
form-statements = تعديل الكلمات
form-side-events = تعديل الأنشطة الموازية
form-plan-new = خطة عمل جديدة
form-plan-edit = تعديل خطة العمل
form-item-new = إجراء جديد
form-item-edit = تعديل الإجراء
form-progress-new = الإبلاغ عن التقدم
form-activity-new = نشاط جديد
form-activity-edit = تعديل النشاط
form-title = العنوان
form-summary = الملخص
form-in-force-on = تاريخ دخول حيز التنفيذ
form-ended-on = تاريخ الانتهاء
form-duration-months = المدة الأولية (بالأشهر)
form-link-kind = نوع العلاقة
form-number = الرقم
form-heading = العنوان الفرعي
form-text = النص
form-example = مثال (مُعدّ للعرض التوضيحي)
form-ordinal = رقم الدورة
form-start-on = تاريخ البداية
form-end-on = تاريخ النهاية
form-person = الشخص
form-precedence = ترتيب الأسبقية
form-members = الأعضاء
form-agenda-item = نقطة جدول الأعمال
form-decision = القرار
form-speaker = المتحدث
form-occasion = المناسبة
form-event-kind = نوع النشاط
form-description = الوصف
form-event-party = الوفد المشارك
form-indicator-name = اسم المؤشر
form-indicator-unit = الوحدة
form-reported-on = تاريخ التقرير
form-reporting-side = الطرف المُبلِّغ
form-host-organisation = الهيئة المضيفة
form-count = عدد المشاركين
form-acronym = المختصر
form-due-on = الأجل
form-lead-for = الهيئة المكلّفة عن { $party }
form-delegation-of = وفد { $party }
action-edit = تعديل
action-add-clause = إضافة مادة
action-add-session = إضافة دورة
action-add-plan = إضافة خطة عمل
action-add-item = إضافة إجراء
action-add-progress = الإبلاغ عن التقدم
action-add-activity = إضافة نشاط
action-edit-delegations = الوفود
action-edit-agenda = جدول الأعمال
action-edit-decisions = القرارات
action-edit-statements = الكلمات
action-edit-side-events = الأنشطة الموازية
history-field-releasability = نطاق التداول
history-field-originator = الطرف المُصدِر
field-origin = المصدر
field-adoptions = اعتمادات رئيسي الوفدين
history-field-example = مثال
history-field-precedence = الترتيب البروتوكولي
action-new-agreement = اتفاقية جديدة
action-new-commission = لجنة مشتركة جديدة
action-new-organisation = هيئة جديدة
action-new-person = شخص جديد
form-party-new = طرف جديد
form-party-edit = تعديل الطرف
form-iso-hint = حرفان لاتينيان كبيران وفق معيار ISO 3166 (مثل MA وML)، وهما إلزاميان للدولة.
form-rank-new = رتبة جديدة
form-rank-edit = تعديل الرتبة
form-rank-label = اسم الرتبة
form-nato-code = رمز الناتو
form-nato-code-hint = من ⁦OF-1⁩ إلى ⁦OF-10⁩ للضباط، ومن ⁦OR-1⁩ إلى ⁦OR-9⁩ لضباط الصف والجنود، أو ⁦OF-D⁩.
form-area-new = مجال تعاون جديد
form-area-edit = تعديل مجال التعاون
form-area-code = الرمز
form-area-code-hint = رمز ثابت من حروف لاتينية صغيرة وأرقام وشرطات أو شرطات سفلية (مثل training).
action-new-party = طرف جديد
action-new-rank = رتبة جديدة
action-new-area = مجال تعاون جديد
vocab-parties-title = الأطراف
vocab-parties-none = لا يوجد طرف مسجّل بعد.
vocab-ranks-title = الرتب
vocab-ranks-none = لا توجد رتبة مسجّلة بعد.
vocab-areas-title = مجالات التعاون
vocab-areas-none = لا يوجد مجال تعاون مسجّل بعد.
vocab-col-actions = الإجراءات
admin-vocabularies = القوائم المرجعية المشتركة
admin-user-second-factor-title = إيقاف الدخول على خطوتين
admin-user-second-factor-help = لمستخدم فقد هاتفه ورموز الاسترداد: يُحذف مفتاح تطبيق المصادقة ورموز الاسترداد الخاصة به، فيدخل بكلمة المرور وحدها إلى أن يعيد تفعيل الدخول على خطوتين من صفحة حسابه.
admin-user-second-factor-submit = إيقاف الدخول على خطوتين لهذا المستخدم
admin-user-second-factor-done = تم إيقاف الدخول على خطوتين لهذا المستخدم. اطلب منه إعادة تفعيله من صفحة حسابه.
search-site = البحث في الموقع

# ترحيل الإجراءات إلى الدورة الموالية (التذكرة 4)
action-prepare-next-session = إعداد الدورة الموالية
next-session-title = إعداد { $session }
next-session-proposal-title = جدول الأعمال المقترح: { $session }
next-session-intro = جميع الإجراءات المفتوحة من الدورات السابقة، مجمعة حسب المجال، مع وضع كل طرف.
form-agenda-carried-hint = ألغِ تحديد الإجراءات التي لن تُناقش في هذه النقطة.
next-session-readonly = لا يؤكد جدول الأعمال هذا إلا أمانة اللجنة والمشرفون.
next-session-none = لا توجد إجراءات مفتوحة للترحيل.
next-session-agenda-line = تتبع خطة العمل: { $area }
form-agenda-carried = الإجراءات المدروسة في هذه النقطة
agenda-carried-over = الإجراءات المرحّلة
item-side-state = { $party }: { $status }، { $percent }
item-due-on = الأجل { $date }
col-sides = وضع كل طرف
# التذكيرات والإشعارات (التذكرة 4)
nav-notifications = الإشعارات
notifications-unread =
    { PLURAL($count) ->
        [zero] لا إشعارات غير مقروءة
        [one] إشعار واحد غير مقروء
        [two] إشعاران غير مقروءين
        [few] { $count } إشعارات غير مقروءة
        [many] { $count } إشعارًا غير مقروء
       *[other] { $count } إشعار غير مقروء
    }
notifications-title = الإشعارات
notifications-intro = تذكيرات بالإجراءات التي يقترب أجلها أو تأخر إنجازها، وبالتواريخ التي تحددها الاتفاقيات، للأعمال التي تتابعها.
notifications-none = لا توجد إشعارات.
notifications-mark-all-read = تعليم الكل كمقروء
notifications-new = جديد
notice-kind-item_due_soon = أجل قريب
notice-kind-item_overdue = متأخر
notice-kind-agreement_enters_into_force = دخول حيز التنفيذ
notice-kind-agreement_expires = انتهاء الصلاحية
notice-kind-agreement_notice_date = آخر أجل للإشعار
notice-line-item_due_soon = يحل أجل الإجراء { $record } في { $date }.
notice-line-item_overdue = كان أجل الإجراء { $record } في { $date } ولم يُنجز بعد.
notice-line-agreement_enters_into_force = تدخل { $record } حيز التنفيذ في { $date }.
notice-line-agreement_expires = تنتهي صلاحية { $record } في { $date }.
notice-line-agreement_notice_date = { $date } هو آخر يوم لتقديم الإشعار بشأن { $record }.
mail-subject =
    { PLURAL($count) ->
        [zero] تعاون: لا تذكيرات
        [one] تعاون: تذكير واحد
        [two] تعاون: تذكيران
        [few] تعاون: { $count } تذكيرات
        [many] تعاون: { $count } تذكيرًا
       *[other] تعاون: { $count } تذكير
    }
mail-greeting = مرحبًا { $name }،
mail-intro = إليك ما يستدعي انتباهك في تتبع أعمالك:
mail-footer = تصلك هذه التذكيرات بحكم دورك في منصة تعاون. وهي معروضة أيضًا في صفحة الإشعارات.
admin-user-email = البريد الإلكتروني
admin-user-email-hint = تُرسل التذكيرات إلى هذا العنوان عندما يتوفر الخادم على مُرحّل SMTP. اتركه فارغًا للاكتفاء بالإشعارات داخل المنصة.
admin-user-email-invalid = أدخل عنوان بريد إلكتروني مثل ⁦name@example.org⁩.
admin-user-language = لغة الرسائل الإلكترونية
admin-user-language-default = الافتراضية (الفرنسية)
col-reminder = التذكير
col-about = الموضوع
next-session-link = جدول الأعمال المقترح للدورة الموالية

# لوحات المتابعة وقائمة الإجراءات والجدول الزمني ومتابعة الإجراء (التذكرة 4)
nav-dashboard = لوحة المتابعة
dashboard-link = لوحة متابعة التنفيذ
dashboard-title = لوحة متابعة التنفيذ
dashboard-scope-all = كل ما يُسمح لك بالاطلاع عليه
dashboard-as-of = الوضع في
dashboard-summary = التنفيذ
dashboard-total = الإجراءات
dashboard-done = المنجزة
dashboard-open = الجارية أو المقررة
dashboard-cancelled = الملغاة
dashboard-rate-done = نسبة الإنجاز
dashboard-rate-weighted = متوسط التقدم
dashboard-due30 = يحلّ أجلها خلال 30 يومًا
dashboard-due90 = يحلّ أجلها خلال 90 يومًا
dashboard-overdue = متأخرة
dashboard-at-risk = معرّضة للتأخر
dashboard-by-side = حسب الطرف
dashboard-by-area = حسب مجال التعاون
dashboard-by-lead = حسب الهيئة المكلّفة
dashboard-side = الطرف
dashboard-hidden-group = غير متاح لك
dashboard-group-top = المعروض { $shown } الأكثر إجراءات، من أصل { $total }.
dashboard-group-all = عرض الكل ({ $total })
dashboard-group-fewer = عرض { $shown } الأكثر إجراءات فقط
dashboard-chart-desc = نسبة الإجراءات المنجزة ومتوسط التقدم، دون احتساب الإجراءات الملغاة.
dashboard-days-late =
    { PLURAL($count) ->
        [one] متأخر بيوم واحد
        [two] متأخر بيومين
        [few] متأخر بـ{ $count } أيام
        [many] متأخر بـ{ $count } يومًا
       *[other] متأخر بـ{ $count } يوم
    }
dashboard-in-days =
    { PLURAL($count) ->
        [zero] اليوم
        [one] بعد يوم واحد
        [two] بعد يومين
        [few] بعد { $count } أيام
        [many] بعد { $count } يومًا
       *[other] بعد { $count } يوم
    }
dashboard-list-overdue = الإجراءات المتأخرة
dashboard-list-at-risk = الإجراءات المعرّضة للتأخر
dashboard-list-due-soon = الآجال خلال 90 يومًا
dashboard-note = ملاحظة
dashboard-see-all = عرضها كلها
dashboard-deadlines = مواعيد الاتفاقيات خلال 90 يومًا القادمة
dashboard-deadlines-none = لا توجد اتفاقية تدخل حيز التنفيذ أو ينتهي سريانها أو يحلّ أجل الإشعار فيها خلال 90 يومًا القادمة.
dashboard-deadline = الموعد
dashboard-when = متى
deadline-enters_into_force = الدخول حيز التنفيذ
deadline-expires = انتهاء السريان
deadline-notice_date = آخر أجل للإشعار
item-list-title = الإجراءات المحتسبة
item-list-scope = اللوحة
item-list-show = المعيار
item-list-show-all = جميع الإجراءات بما فيها الملغاة
item-list-show-counted = الإجراءات غير الملغاة
item-list-show-done = المنجزة
item-list-show-open = المفتوحة (غير المنجزة وغير الملغاة)
item-list-show-cancelled = الملغاة
item-list-show-overdue = المتأخرة
item-list-show-at_risk = المعرّضة للتأخر دون أن تتأخر بعد
item-list-show-due30 = مفتوحة ويحلّ أجلها خلال 30 يومًا
item-list-show-due90 = مفتوحة ويحلّ أجلها خلال 90 يومًا
item-list-show-side-done = المنجزة من جانب هذا الطرف
item-list-back = العودة إلى اللوحة
pager-pages = صفحات القائمة
risk-behind = متأخر عن الجدول الزمني: المتوقع حتى اليوم { $expected }، والمُبلَّغ عنه { $actual }
risk-silent =
    { PLURAL($count) ->
        [one] لا تحديث منذ يوم واحد
        [two] لا تحديث منذ يومين
        [few] لا تحديث منذ { $count } أيام
        [many] لا تحديث منذ { $count } يومًا
       *[other] لا تحديث منذ { $count } يوم
    }
side-own-status = الحالة الخاصة
side-last-report = آخر تقرير
side-no-report = لا تقرير بعد
joint-status = الحالة المشتركة
assessment-title = التقييم
assessment-expected = المتوقع حتى اليوم
assessment-overdue = متأخر
assessment-at-risk = معرّض للتأخر
cancel-reason = سبب الإلغاء
indicator-direction = الاتجاه
indicator-no-values = لم تُقس أي قيمة بعد.
indicator-series = القيمة حسب الفصل
indicator-period = الفصل
indicator-achievement = المقطوع نحو الهدف
direction-higher_is_better = كلما ارتفع كان أفضل
direction-lower_is_better = كلما انخفض كان أفضل
timeline-link = الجدول الزمني
timeline-title = الجدول الزمني
timeline-quarter = الفصل { $quarter } { $year }
timeline-planned = المدة المقررة
timeline-actual = المدة الفعلية
timeline-today = اليوم
timeline-since = منذ { $date }
timeline-not-started = لم يبدأ
timeline-desc = الفترة المخططة (من البداية إلى الأجل) والسير الفعلي (من أول تقرير إلى الإنجاز أو إلى اليوم) لكل إجراء، حسب المجال؛ اليوم هو { $today }.
timeline-table = التواريخ المخططة والفعلية لكل إجراء
form-cancel-title = الإلغاء من طرف الأمانة
form-cancel-choice = هل يُلغى هذا الإجراء؟
form-cancel-keep = غير ملغى: تتبع الحالة تقارير الطرفين
form-cancel-yes = ملغى
form-cancel-hint = الإلغاء ينهي العمل المشترك في هذا الإجراء بالنسبة للطرفين ولا يمكن التراجع عنه. اذكر السبب بلغة واحدة على الأقل.
notifications-example = مثال: التذكيرات التي يتلقاها اليوم موظف أمانة هذه اللجان — الإجراءات التي يحل أجلها قريبًا أو المتأخرة، والمواعيد التي تحددها الاتفاقيات. سجّل الدخول لرؤية تذكيراتك.

## Documents
doc-downloads = الوثائق
doc-minutes = محضر الدورة (PDF)
doc-report = تقرير حالة خطة العمل (PDF)
doc-agreement-text = نص الاتفاقية (PDF)
doc-layout = اللغات
doc-layout-ar-fr = العربية ‖ الفرنسية، جنبًا إلى جنب
doc-layout-ar = العربية
doc-layout-fr = الفرنسية
doc-layout-en = الإنجليزية
doc-archival = نسخة للأرشفة (⁦PDF/A-2b⁩)
doc-download = تنزيل

## Exports and long work
nav-exports = التصدير
exports-title = تصدير القوائم
exports-intro = تُنزَّل كل قائمة في مصنف Excel أو بصيغة CSV، بلغتك، ولا تتضمن إلا ما يُسمح لك بالاطلاع عليه.
exports-list = القائمة
exports-xlsx = مصنف Excel (⁦.xlsx⁩)
exports-csv = CSV
exports-download = تنزيل:
export-agreements = الاتفاقيات
export-sessions = الدورات
export-items = إجراءات خطط العمل
export-progress = تقارير التقدم
export-activities = الأنشطة
export-people = الأشخاص
export-col-title = العنوان
job-reading = قراءة السجلات: { $count }
job-writing = الكتابة: { $done } من أصل { $total } صف
job-finished = اكتمل.
job-failed = تعذر إتمام العمل. لم يُغيَّر أي شيء؛ أعد المحاولة أو أبلغ المسؤول.
job-refreshes = تتحدث هذه الصفحة تلقائيًا.
job-continue = متابعة

## Import
import-title = استيراد إجراءات من جدول بيانات
import-intro = أرسل مصنف Excel (⁦.xlsx⁩) أو ملف CSV يسمّي صفه الأول الأعمدة. سترى كيف سيُقرأ كل عمود ومشكلات كل صف قبل حفظ أي شيء؛ وتُحفظ الصفوف كلها معًا أو لا يُحفظ شيء منها.
import-file = الملف المراد استيراده
import-file-hint = ⁦.xlsx⁩ أو ⁦.csv⁩، بحد أقصى 10 ميغابايت و20000 صف. قائمة الإجراءات المصدَّرة من تعاون يُعاد استيرادها كما هي.
import-read = قراءة الملف
import-mapping-title = الأعمدة والحقول
import-column = العمود
import-field = الحقل
import-examples = أمثلة
import-ignore-column = (تجاهل هذا العمود)
import-check-again = التحقق من جديد
import-problems-title = مشكلات يجب تصحيحها
import-nothing-until-clean = لن يُستورد أي شيء ما دام في أحد الصفوف مشكلة. صحّح الملف وأرسله من جديد، أو غيّر مطابقة الأعمدة.
import-row = الصف
import-problem = المشكلة
import-sample-title = معاينة الإجراءات التي ستُنشأ
import-back = العودة إلى خطة العمل
import-job = استيراد الإجراءات
import-choose-file = اختر ملفًا لاستيراده.
import-unreadable-upload = تعذر استلام الملف. أعد المحاولة.
import-upload-expired = لم يعد هذا الملف متاحًا (انتهت صلاحيته أو سبق استيراده). أرسله من جديد.
import-row-failed = لم يُستورد أي شيء: رُفض الصف { $row }. { $why }
import-rows = { PLURAL($count) ->
    [zero] لا صفوف
    [one] صف واحد
    [two] صفان
    [few] { $count } صفوف
    [many] { $count } صفًا
   *[other] { $count } صف
}
import-problems = { PLURAL($count) ->
    [zero] لا مشكلات
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $count } مشكلات
    [many] { $count } مشكلة
   *[other] { $count } مشكلة
}
import-more-problems = { PLURAL($count) ->
    [one] … ومشكلة أخرى.
    [two] … ومشكلتان أخريان.
    [few] … و{ $count } مشكلات أخرى.
   *[other] … و{ $count } مشكلة أخرى.
}
import-commit = { PLURAL($count) ->
    [one] استيراد إجراء واحد
    [two] استيراد الإجراءين
    [few] استيراد الإجراءات الـ{ $count }
    [many] استيراد { $count } إجراءً
   *[other] استيراد { $count } إجراء
}
import-done = { PLURAL($count) ->
    [one] استُورد إجراء واحد.
    [two] استُورد إجراءان.
    [few] استُوردت { $count } إجراءات.
    [many] استُورد { $count } إجراءً.
   *[other] استُورد { $count } إجراء.
}
import-offer = استيراد إجراءات من جدول بيانات

## Calendar feeds
calendar-title = اشتراكات التقويم
calendar-intro = اشترك بتقويمك (Outlook أو Thunderbird أو تقويم الهاتف) في الدورات والأنشطة وآجال الإجراءات وتواريخ الاتفاقيات. كل عنوان سري ولا يعرض إلا ما يُسمح لك بالاطلاع عليه؛ ألغِه إن احتمل أن يكون قد انتشر.
calendar-mine = تقويمي في تعاون
calendar-unavailable = لجنة غير متاحة
calendar-created = أُنشئ الاشتراك. انسخ هذا العنوان في تقويمك: لن يُعرض مرة أخرى.
calendar-address = عنوان الاشتراك
calendar-secret = كل من يعرف هذا العنوان يرى هذا التقويم: احتفظ به لنفسك.
calendar-new = اشتراك جديد
calendar-scope = التقويم
calendar-create = إنشاء عنوان الاشتراك
calendar-feeds = اشتراكاتك
calendar-none = لا اشتراكات حتى الآن.
calendar-made = تاريخ الإنشاء
calendar-revoked = أُلغي في
calendar-revoke = إلغاء
calendar-due = أجل: { $item }
calendar-offer = الاشتراك في تقويم اللجنة
account-calendar = اشتراكات التقويم

## Status report and agreement text
report-total = الإجراءات
report-done = المنجزة
report-overdue = المتأخرة
report-at-risk = المعرضة للتأخر
report-rate = نسبة الإنجاز
report-rate-weighted = التقدم المرجّح
doc-signed-on = وُقّعت بتاريخ { $date }
doc-signed-at = وُقّعت في { $place } بتاريخ { $date }

## Field names inside rule messages (the last meaningful segment of a record's field path)
field-minutes = المحضر
field-preamble = الديباجة
field-conclusions = الخلاصات
field-next_session = الدورة المقبلة
field-original_langs = لغات النظيرين الأصليين
field-name = الاسم
field-short_name = الاسم المختصر
field-iso_code = رمز ISO
field-acronym = المختصر
field-parent_id = الهيئة الأم
field-label = التسمية
field-nato_code = رمز الناتو
field-name_ar = الاسم بالعربية
field-name_latin = الاسم بالحروف اللاتينية
field-aliases = صيغة أخرى للاسم
field-function = الوظيفة
field-organisation_id = الهيئة
field-rank_id = الرتبة
field-code = الرمز
field-title = العنوان
field-summary = الملخص
field-renewal_terms = شروط التجديد
field-party_ids = الأطراف
field-party_id = الطرف
field-reference = المرجع
field-status = الحالة
field-signed_on = تاريخ التوقيع
field-in_force_on = تاريخ دخول حيز التنفيذ
field-ended_on = تاريخ الانتهاء
field-links = الروابط
field-text = النص
field-heading = العنوان الفرعي
field-number = الرقم
field-mandate = الولاية
field-co_chair_ids = الرئيس المشارك
field-place = المكان
field-ordinal = رقم الدورة
field-start_on = تاريخ البداية
field-end_on = تاريخ النهاية
field-due_on = الأجل
field-host_party_id = الطرف المضيف
field-members = أعضاء الوفد
field-person_id = الشخص
field-description = الوصف
field-percent = نسبة الإنجاز
field-narrative = وصف التقدم
field-baseline = القيمة المرجعية
field-target = القيمة المستهدفة
field-indicator_actual = القيمة المحققة
field-cancel_reason = سبب الإلغاء
field-item_ids = الإجراءات
field-notice_months = مهلة الإشعار بالأشهر
field-email = البريد الإلكتروني
field-direction = اتجاه التحسن
field-leads = الهيئات المكلّفة
field-display_name = الاسم المعروض
field-username = اسم المستخدم
field-password = كلمة المرور
field-originator = الطرف المُصدِر

## Rule messages: $field is the field's name above, with its position when in a list
rule-required = { $field }: مطلوب بلغة واحدة على الأقل.
rule-too-long = { $field }: طويل جدًا (الحد الأقصى { PLURAL($max) ->
    [one] حرف واحد
    [two] حرفان
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
}).
rule-too-short = { $field }: قصير جدًا ({ PLURAL($min) ->
    [one] حرف واحد
    [two] حرفان
    [few] { $min } أحرف
    [many] { $min } حرفًا
   *[other] { $min } حرف
} على الأقل).
rule-end-before-start = { $field }: يجب ألا يسبق تاريخ البداية.
rule-due-before-start = { $field }: يجب ألا يسبق تاريخ البداية.
rule-date-before = { $field }: يجب ألا يسبق { $other }.
rule-date-missing = { $field }: مطلوب لهذه الحالة.
rule-percent-out-of-range = { $field }: يجب أن تكون بين 0 و100.
rule-not-positive = { $field }: يجب أن يكون 1 أو أكثر.
rule-ordinal-taken = { $field }: توجد دورة بهذا الرقم في هذه اللجنة.
rule-duplicate = { $field }: مكرر.
rule-too-few-parties = { $field }: يلزم طرفان مختلفان على الأقل.
rule-member-of-other-party = { $field }: هذا الشخص لا ينتمي إلى طرف الوفد.
rule-party-not-in-commission = { $field }: ليس طرفًا في هذه اللجنة.
rule-lead-not-of-plan-party = { $field }: يجب أن تكون الهيئة المكلّفة تابعة لأحد أطراف الخطة.
rule-duplicate-side = { $field }: هذا الطرف مذكور مرتين.
rule-missing-side = { $field }: يلزم تعيين هيئة مكلفة عن كل طرف.
rule-two-heads = { $field }: للوفد رئيس واحد فقط.
rule-organisation-of-other-party = { $field }: من هيئات طرف آخر.
rule-bad-iso-code = { $field }: حرفان لاتينيان كبيران مطلوبان للدولة (مثل MA).
rule-transition = { $field }: لا يمكن الانتقال من «{ $from }» إلى «{ $to }».
rule-not-a-lead-party = { $field }: هذا الطرف ليس مكلفًا بهذا الإجراء.
rule-only-when-cancelled = { $field }: لا يُذكر إلا لإجراء ملغى.
rule-cancelled-by-secretariat = { $field }: لا يلغي الطرف الإجراء؛ الإلغاء قرار الأمانة مع ذكر السبب.
rule-unknown = { $field }: قيمة غير معروفة أو غير صالحة.
rule-minutes-adopted = { $field }: المحضر معتمد وموقع؛ لا يتغير نصه ولا تتغير الدورة التي أعد منها إلا في صيغة جديدة.
rule-minutes-adoption = { $field }: هذا الاعتماد لا يطابق المحضر: يعتمد كل وفد مرة واحدة صيغة معتمدة من هذا المحضر، مع بصمتها.
rule-partners-record = { $field }: هذا السجل وارد من منصة الطرف الآخر؛ لا يُعدَّل منه هنا إلا جانبك (وفدك، جهتك الرائدة).
rule-minutes-scan-missing = { $field }: أرفق نسخة ممسوحة من الأصلين اللذين وقعهما رئيسا الوفدين قبل اعتماد المحضر.
# The states a transition message names (agreements' lifecycle and items' status).
rule-state-draft = مسودة
rule-state-signed = موقعة
rule-state-in_force = سارية المفعول
rule-state-expired = منتهية
rule-state-terminated = ملغاة
rule-state-superseded = مستبدلة
rule-state-planned = مبرمج
rule-state-in_progress = قيد التنفيذ
rule-state-on_hold = معلق
rule-state-done = منجز
rule-state-cancelled = ملغى

## Import: the fields a column can fill (also the items export's headers), and row problems
import-field-code = الرمز
import-field-title = العنوان ({ $language })
import-field-description = الوصف ({ $language })
import-field-area = مجال التعاون
import-field-lead = الهيئة المكلّفة — { $party }
import-field-start-on = تاريخ البداية
import-field-due-on = الأجل
import-field-language-ar = بالعربية
import-field-language-fr = بالفرنسية
import-field-language-en = بالإنجليزية
import-problem-unmapped-title = لم يُربط أي عمود بالعنوان، وهو مطلوب بلغة واحدة على الأقل.
import-problem-unmapped = لم يُربط أي عمود بالحقل «{ $field }»، وهو حقل إلزامي.
import-problem-missing-title = العنوان فارغ، ويلزم إدخاله بلغة واحدة على الأقل.
import-problem-missing-lead = لم تُحدَّد الهيئة المكلّفة عن { $party }.
import-problem-missing = الخانة «{ $field }» فارغة، وهي إلزامية.
import-problem-bad-date = التاريخ «⁨{ $value }⁩» غير صالح؛ الصيغ المقبولة مثل ⁦15/03/2026⁩ أو ⁦2026-03-15⁩.
import-problem-bad-date-in-column = التاريخ «⁨{ $value }⁩» في العمود «{ $column }» غير صالح؛ الصيغ المقبولة مثل ⁦15/03/2026⁩ أو ⁦2026-03-15⁩.
import-problem-unknown-organisation = الهيئة «{ $value }» غير معروفة ضمن هيئات { $party }.
import-problem-organisation-of-other-party = الهيئة «{ $value }» تابعة لطرف آخر، وليست من هيئات { $party }.
import-problem-unknown-area = مجال التعاون «{ $value }» غير معروف.
import-problem-duplicate-code = الرمز «{ $code }» مكرر في الملف.
import-problem-code-taken = الرمز «{ $code }» مستعمل لإجراء آخر في هذه الخطة.

## Spreadsheets that cannot be read ($size is in MB, written as a string)
sheet-error-too-large = الملف كبير جدًا: الحد الأقصى { $size } ميغابايت.
sheet-error-too-many-rows = يحتوي الملف على أكثر من { PLURAL($max) ->
    [one] سطر واحد
    [two] سطرين
    [few] { $max } أسطر
    [many] { $max } سطرًا
   *[other] { $max } سطر
}. قسّمه إلى عدة ملفات.
sheet-error-too-many-columns = يحتوي الملف على أكثر من { PLURAL($max) ->
    [one] عمود واحد
    [two] عمودين
    [few] { $max } أعمدة
    [many] { $max } عمودًا
   *[other] { $max } عمود
}.
sheet-error-empty = لا يحتوي الملف على أي سطر تحت سطر العناوين.
sheet-error-not-a-spreadsheet = هذا الملف ليس جدولًا. أرسل ملفًا بصيغة ⁦.xlsx⁩ أو ⁦.csv⁩.
sheet-error-damaged = تعذّرت قراءة هذا الجدول: الملف تالف أو غير مكتمل. احفظه من جديد ثم أعد إرساله.
sheet-error-not-utf8 = ترميز هذا الملف غير مدعوم. احفظه بصيغة «⁦CSV UTF-8⁩» ثم أعد إرساله.
sheet-error-unpacks-too-large = يتجاوز محتوى هذا الملف بعد فك ضغطه { $size } ميغابايت، وهو أكثر بكثير مما تحتاجه أي خطة عمل. احذف الأوراق والتنسيقات غير المستعملة أو قسّمه إلى عدة ملفات.
sheet-error-too-many-cells = يحتوي الملف على أكثر من { PLURAL($max) ->
    [one] خلية واحدة
    [two] خليتين
    [few] { $max } خلايا
    [many] { $max } خلية
   *[other] { $max } خلية
}، مع احتساب الخلايا الفارغة الواقعة بين القيم. احتفظ فقط بالأسطر والأعمدة المراد استيرادها.
sheet-error-too-slow = استغرقت قراءة هذا الملف وقتًا طويلًا فأُوقفت. أرسل ملفًا أصغر أو قسّمه إلى عدة ملفات.
sheet-error-old-or-protected = هذا الملف بصيغة Excel 97–2003 (⁦.xls⁩) أو محمي بكلمة مرور. احفظه مصنفًا بصيغة ⁦.xlsx⁩ دون كلمة مرور ثم أعد إرساله.
import-busy = الخادم يقرأ جداول أخرى في هذه اللحظة. انتظر بضع ثوانٍ ثم أعد إرسال ملفك.

# Import that updates: an exported sheet names each item by id and version.
import-field-id = المعرّف
import-field-version = النسخة
import-problem-duplicate-id = المعرّف «{ $id }» مكرر في الملف.
import-problem-version-conflict = عُدِّل الإجراء { $code } بعد التصدير (النسخة { $yours } في الملف، و{ $stored } المحفوظة): صدِّر الخطة من جديد وأعد هذا التغيير.
import-count-new = { PLURAL($count) ->
    [one] إجراء جديد واحد
    [two] إجراءان جديدان
    [few] { $count } إجراءات جديدة
    [many] { $count } إجراءً جديدًا
   *[other] { $count } إجراء جديد
}
import-count-changed = { PLURAL($count) ->
    [one] إجراء واحد معدَّل
    [two] إجراءان معدَّلان
    [few] { $count } إجراءات معدَّلة
    [many] { $count } إجراءً معدَّلًا
   *[other] { $count } إجراء معدَّل
}
import-count-unchanged = { PLURAL($count) ->
    [one] سطر واحد دون تغيير
    [two] سطران دون تغيير
    [few] { $count } أسطر دون تغيير
    [many] { $count } سطرًا دون تغيير
   *[other] { $count } سطر دون تغيير
}
import-nothing-to-change = لا يغيّر الملف شيئًا: كل سطر يطابق الإجراء كما هو محفوظ.
import-commit-changes = حفظ هذه التغييرات
import-updated = { PLURAL($count) ->
    [one] حُدِّث إجراء واحد.
    [two] حُدِّث إجراءان.
    [few] حُدِّثت { $count } إجراءات.
    [many] حُدِّث { $count } إجراءً.
   *[other] حُدِّث { $count } إجراء.
}
import-changes-title = ما سيحفظه الاستيراد
import-change = التغيير
import-change-new = جديد
import-change-new-unmatched = جديد (معرّفه لا يدل على أي إجراء في هذه الخطة)
import-change-changed = معدَّل: { $fields }
import-changed-meanwhile = عدّل شخص آخر هذا الإجراء أثناء الاستيراد؛ اقرأ الملف وتحقق منه من جديد.

# Minutes (procès-verbal): the document's sentences (see i18n/src/minutes.rs for the articles
# and ordinals the variables already carry) and the minutes pages.
minutes-title = محضر { $ordinal }
minutes-preamble = بدعوة من { $host }، انعقدت { $ordinal } { $commission } في { $place } { $dates }.
minutes-dates-span = من { $from } إلى { $to }
minutes-dates-day = يوم { $day }
minutes-between = بين { $first } و{ $second }
minutes-delegation-of = وفد { $party }
minutes-head-of = رئيس وفد { $party }
minutes-lang-ar = العربية
minutes-lang-fr = الفرنسية
minutes-lang-en = الإنجليزية
minutes-originals-one = باللغة { $a }
minutes-originals-two = باللغتين { $a } و{ $b }، وللنصين الحجية ذاتها
minutes-originals-three = باللغات { $a } و{ $b } و{ $c }، وللنصوص الثلاثة الحجية ذاتها
minutes-closing = حرر في { $place } بتاريخ { $date }، في نظيرين أصليين، { $originals }.
minutes-draft = مشروع
minutes-adopted-hash = الصيغة { $version } المعتمدة بتاريخ { $date } — ⁦SHA-256⁩: { $hash }
minutes-heading = المحضر
minutes-status-draft = مشروع، الصيغة { $version }
minutes-status-adopted = معتمد، الصيغة { $version }
minutes-print = نسخة للطباعة
minutes-edit = الديباجة والدورة المقبلة
minutes-adopt = اعتماد المحضر
minutes-adopt-hint = بعد توقيع رئيسي الوفدين على النظيرين الورقيين. يصبح النص عندئذ ثابتا، ويتطلب تعديله صيغة جديدة.
minutes-adopt-heading = اعتماد هذا المحضر
minutes-scan-step = أرفق النسخة الممسوحة من الأصلين الورقيين اللذين وقعهما رئيسا الوفدين.
minutes-scan = النسخة الموقعة الممسوحة
minutes-scan-none = لم ترفق بعد أي نسخة موقعة ممسوحة بهذه الصيغة.
minutes-scan-choose = النسخة الممسوحة من المحضر الموقع (PDF أو صورة)
minutes-adopt-step = اعتمد هذه الصيغة: ستحيل إلى النسخة الممسوحة أعلاه.
minutes-revise = بدء صيغة جديدة
minutes-revise-hint = يبقى النص المعتمد متاحا كما وقع.
minutes-versions = الصيغ المعتمدة
minutes-version-line = الصيغة { $version }، اعتمدت بتاريخ { $date } من قبل { $who }
minutes-hash = بصمة ⁦SHA-256⁩ للنص المعتمد
record-from-partner = مسجّل على منصة { $partner } التابعة للطرف الآخر: يُحفظ كما ترسله تلك المنصة، ولا يُعدَّل منه هنا إلا جانبك (وفدك، جهتك الرائدة).
minutes-pdf-adoptions = اعتمده رئيسا الوفدين، كل منهما على منصة طرفه التي وقّعت الاعتماد
minutes-pdf-adoption = عن { $party }: { $who }، { $when }. مفتاح المنصة ⁦{ $key }⁩. بصمة ⁦SHA-256⁩ ⁦{ $hash }⁩
minutes-heads-heading = اعتماد رئيسي الوفدين
minutes-heads-none = لم يعتمد أي رئيس وفد هذا المحضر على منصة بعد.
minutes-heads-hint = بصفتك رئيس وفد طرفك، تعتمد الصيغة السارية باسم طرفك. أكّد ذلك بالرمز الحالي لتطبيق المصادقة؛ توقّع هذه المنصة اعتمادك وترسله إلى منصة الطرف الآخر.
minutes-head-line = { $party }: { $who }، { $when }، الصيغة { $version }
minutes-head-key = بصمة مفتاح المنصة الموقّعة
minutes-head-code = رمز المصادقة
minutes-head-adopt = اعتماد الصيغة { $version } بصفتي رئيس الوفد
minutes-both = معتمد من الطرفين: الصيغة { $version }
minutes-head-check-valid = التوقيع سليم
minutes-head-check-unknown-key = غير موقّع بمفتاح تعرفه هذه المنصة لذلك الطرف
minutes-head-check-bad-signature = التوقيع لا يطابق
minutes-head-check-no-longer-matching = لم يعد يطابق المحضر المحفوظ هنا
adoption-refused-no-identity = لا يملك هذا الخادم هوية تبادل لتوقيع الاعتماد؛ اطلب من المسؤول تشغيل «taawun exchange init».
adoption-refused-other-party = تتحدث هذه المنصة باسم طرف آخر: اعتمد المحضر على منصة طرفك.
adoption-refused-no-person = حسابك غير مرتبط بشخص في السجل؛ اطلب من المسؤول ربطه.
adoption-refused-not-head = لا يعتمد محضر هذه الدورة إلا رئيس وفد طرفك إليها.
adoption-refused-not-adopted = لا توجد صيغة معتمدة وسارية من هذا المحضر.
adoption-refused-already = سبق أن اعتمد طرفك هذه الصيغة.
adoption-refused-second-factor = رمز المصادقة غير صحيح (أو ليس لحسابك عامل ثانٍ): لم يُعتمد شيء.
minutes-back = العودة إلى الدورة
minutes-conclusions = الخلاصات
minutes-carried = الإجراءات المرحلة
minutes-next-session = الدورة المقبلة
minutes-preamble-heading = الديباجة
form-minutes = تعديل المحضر
form-minutes-preamble = الديباجة (تضاف بعد الجملة الافتتاحية)
form-minutes-next-session = الدورة المقبلة
form-minutes-langs = لغات النظيرين الموقعين
form-minutes-langs-hint = تذكر في الصيغة الختامية؛ لغة واحدة على الأقل.
form-agenda-conclusions = الخلاصات المتفق عليها
# الملفات المرفقة بالسجلات (التذكرة 13).
files-title = الملفات
files-none = لا يوجد ملف مرفق.
files-name = الملف
files-purpose = النوع
files-size = الحجم
files-uploaded = تاريخ الإيداع
files-sha256 = SHA-256
files-version = الإصدار
files-older = الإصدارات السابقة
files-download = تنزيل
files-add = إرفاق ملف
files-choose = الملف
files-accepted = ملفات PDF والصور (PNG وJPEG وTIFF وWebP) والمستندات المكتبية (Word وExcel وPowerPoint وOpenDocument)، حتى 50 ميغابايت.
files-attach-button = إرفاق
files-replace = استبدال بإصدار جديد
files-replace-button = إيداع الإصدار الجديد
files-purge = حذف نهائي (ملف مرفق بسجل خاطئ)
files-purge-reason = السبب (يُحفظ في سجل التدقيق)
files-purge-button = حذف نهائيًا
files-purge-reason-required = اذكر سبب الحذف: يُحفظ في سجل التدقيق.
files-purged = حُذف إصدار الملف نهائيًا. يحفظ سجل التدقيق من حذفه ومتى ولماذا وبصمته ⁦SHA-256⁩.
files-bytes = { $size } بايت
file-purpose-signed_minutes = المحضر الموقَّع
file-purpose-signed_agreement = الاتفاقية الموقَّعة
file-purpose-communique = البلاغ الصحفي
file-purpose-supporting = وثيقة داعمة
file-purpose-emblem = الشعار
file-refused-empty = اختر ملفًا لإرفاقه.
file-refused-too-large = يتجاوز هذا الملف { $size } ميغابايت. أرسل ملفًا أصغر (المسح الضوئي بدقة 300 نقطة بالأبيض والأسود أصغر بكثير).
file-refused-not-accepted = هذا النوع من الملفات غير مقبول. أرفق ملف PDF أو صورة (PNG أو JPEG أو TIFF أو WebP) أو مستندًا مكتبيًا (Word أو Excel أو PowerPoint أو OpenDocument).
file-refused-damaged = هذا المستند تالف أو محمي بكلمة مرور ولا يمكن فحصه. احفظه من جديد دون كلمة مرور وأعد إرساله.
file-refused-bomb = يتمدد هذا المستند عند فك ضغطه إلى أضعاف حجمه بكثير، فرُفض. احفظه من جديد من تطبيقه وأعد إرساله.
file-refused-scanner = رفض برنامج مكافحة الفيروسات في هذه المنظومة هذا الملف.
file-refused-scanner-failed = تعذّر على برنامج مكافحة الفيروسات فحص هذا الملف، فلم يُحفظ. أعد المحاولة لاحقًا أو أبلغ المسؤول.
file-refused-not-an-emblem = يجب أن يكون الشعار صورة PNG أو JPEG؛ لم يحفظ أي شيء.
history-action-attach_file = إرفاق ملف
history-action-replace_file = إصدار جديد لملف
history-action-purge_file = حذف ملف نهائيًا
files-back = العودة إلى السجل
files-of-report = ملفات تقرير التقدم

## من غيّر ماذا (التذكرة 14، الجزء 9)
nav-changes = آخر التغييرات
changes-title = آخر التغييرات
changes-intro = من أنشأ أو عدّل ماذا ومتى، من الأحدث إلى الأقدم: السجلات التي يحق لك الاطلاع عليها.
changes-none = لا توجد تغييرات للعرض.
changes-older = تغييرات أقدم
changes-newest = أحدث التغييرات
changes-show = عرض
changes-show-all = كل السجلات
changes-show-progress = تقارير التقدم
changes-show-items = الإجراءات
changes-on-item = بشأن
col-what = التغيير
notice-kind-update_requested = طلب إفادة
notice-line-update_requested = تطلب الأمانة الإفادة بمستجدات الإجراء { $record } (طلب بتاريخ { $date }).
history-action-request_update = طلب إفادة
item-ask-title = طلب إفادة بالمستجدات
item-ask-intro = يُشعَر محرّرو الهيئة المكلّفة لدى هذا الطرف داخل التطبيق وبالبريد الإلكتروني.
item-ask-button = طلب إفادة من { $party }
item-ask-done =
    { PLURAL($count) ->
        [zero] لا أحد لدى { $party } يحق له الاطلاع على هذا الإجراء: لم يُرسل أي طلب.
        [one] وصل الطلب إلى محرّر واحد لدى { $party }.
        [two] وصل الطلب إلى محرّرَين لدى { $party }.
        [few] وصل الطلب إلى { $count } محرّرين لدى { $party }.
        [many] وصل الطلب إلى { $count } محرّرًا لدى { $party }.
       *[other] وصل الطلب إلى { $count } محرّر لدى { $party }.
    }
item-ask-again = سبق طلب الإفادة من { $party } اليوم.
history-value-yes = نعم
history-value-no = لا
history-minutes-draft = مشروع
history-minutes-adopted = معتمد
account-arabic-dates-title = التواريخ بالعربية
account-arabic-dates-intro = كيف تكتب الصفحات التواريخ حين تقرؤها بالعربية: تختلف أسماء الشهور بين المغرب والمشرق.
account-arabic-dates-label = أسماء الشهور
account-arabic-dates-default = كما تكتبها هذه المنصة
account-arabic-dates-ma = الاستعمال المغربي
account-arabic-dates-none = استعمال المشرق (العربية العامة في CLDR)
account-arabic-dates-save = حفظ

## The exchange between instances (issue 16)
exchange-refused-not-an-envelope = هذا الملف ليس حزمة تبادل من تعاون.
exchange-refused-newer-format = كُتبت هذه الحزمة بإصدار أحدث من تعاون: حدِّث هذا المثيل لقراءتها.
exchange-refused-other-receiver = هذه الحزمة موجهة إلى مثيل آخر.
exchange-refused-unknown-sender = هذه الحزمة صادرة عن مثيل، أو موقعة بمفتاح، غير مسجل هنا.
exchange-refused-revoked-sender = هذه الحزمة صادرة عن شريك أُلغي مفتاحه.
exchange-refused-cannot-decrypt = لا تُفتح هذه الحزمة بمفتاح هذا المثيل: لقد عُدّلت، أو شُفّرت لمفتاح آخر.
exchange-refused-bad-signature = توقيع هذه الحزمة لا يطابق مفتاح الشريك: لقد عُدّلت.
exchange-refused-out-of-order = هذه الحزمة لا تلي آخر حزمة طُبّقت: حزمة سابقة مفقودة.
exchange-refused-replayed = مكان هذه الحزمة في السلسلة أخذته حزمة أخرى: إنها إعادة إرسال، أو أن الشريك استرجع نسخة احتياطية.
exchange-refused-broken-chain = هذه الحزمة لا تذكر آخر حزمة طُبّقت على أنها سابقتها.
exchange-refused-not-its-record = هذه الحزمة تغيّر سجلا لا يملكه الشريك.
exchange-refused-above-clearance = هذه الحزمة تحمل سجلا يفوق مستوى التأهيل المتفق عليه مع الشريك.
exchange-refused-bad-record = هذه الحزمة تحمل سجلا لا يمكن لهذا المثيل قبوله.
history-action-exchange_partner = تسجيل شريك تبادل
history-action-exchange_partner_change = تعديل شريك تبادل
history-action-exchange_revoke = إلغاء شريك تبادل
history-action-exchange_send = إرسال حزمة إلى شريك
history-action-exchange_receive = استلام حزمة من شريك
history-action-exchange_resume = استئناف التبادل بعد تفرّع
exchange-refused-fork = تأخذ هذه الحزمة مكان حزمة أخرى طُبّقت بعد السابقة نفسها: استرجع الشريك نسخة احتياطية. يستأنف مسؤوله التبادل (⁦taawun exchange resync⁩).
exchange-refused-missing-file = ملف تذكره هذه الحزمة لم يصل معها، أو ليس المحتوى الذي تذكره: لم يُطبَّق شيء. استورد الحزمة مع مجلد ملفاتها (⁦FILE.files⁩)، أو اسحبها عبر ⁦HTTPS⁩.
history-action-exchange_match = مطابقة سجل الشريك

## The exchange page (issue 16)
nav-exchange = التبادل
exchange-title = التبادل مع مثيلات الشركاء
exchange-own = هذا المثيل
exchange-own-none = ليست لهذا المثيل هوية تبادل بعد: يمنحها له مسؤول على الخادم (⁦taawun exchange init⁩).
exchange-instance = المثيل
exchange-fingerprint = البصمة
exchange-partners = الشركاء
exchange-partners-none = لا يوجد شريك مسجل.
exchange-partner = الشريك
exchange-party = الطرف
exchange-clearance = مستوى التأهيل المتفق عليه
exchange-state = الحالة
exchange-state-active = نشط
exchange-state-revoked = ملغى
exchange-last-out = آخر حزمة مرسلة
exchange-last-in = آخر حزمة مطبقة
exchange-none = لا شيء
exchange-download = تنزيل الحزمة التالية
exchange-upload = ملف حزمة أو إشعار من شريك
exchange-upload-button = استيراد
exchange-choose-file = اختر ملف حزمة أو إشعار.
exchange-matches = سجلات الشريك المطلوب مطابقتها
exchange-matches-none = لا يوجد سجل للشريك في انتظار المطابقة.
exchange-match-kind = النوع
exchange-theirs = سجل الشريك
exchange-ours = سجلنا
exchange-decision = هل هو نفسه؟
exchange-confirm = نفسه
exchange-decline = ليس نفسه
exchange-matched = سُجّل القرار.
exchange-match-gone = سبق اتخاذ قرار بشأن هذا السجل.
exchange-log = السجل
exchange-log-none = لم يتم تبادل أي شيء بعد.
exchange-log-when = متى
exchange-log-direction = الاتجاه
exchange-log-kind = ماذا
exchange-log-seq = الرقم
exchange-log-outcome = التحقق
exchange-log-key = موقع بالمفتاح
exchange-dir-out = مرسل
exchange-dir-in = مستلم
exchange-kind-bundle = حزمة
exchange-kind-receipt = إشعار
exchange-outcome-sent = مرسل، في انتظار الإشعار
exchange-outcome-applied = تم التحقق والتطبيق
exchange-outcome-refused = مرفوض
exchange-outcome-acknowledged = أقرّ به الشريك
exchange-result-applied = طُبّقت الحزمة { $seq }: { $records } سجلا.
exchange-result-already = سبق تطبيق هذه الحزمة: لم يتغير شيء.
exchange-result-receipt = سُجّل الإشعار.
exchange-receipt-download = تنزيل الإشعار لإعادته
exchange-nothing-to-send = لم يتغير شيء منذ آخر حزمة: لا يوجد ما يُرسل.
history-action-exchange_resolve = حسم تعارض في التبادل
exchange-conflicts = تعديلات متعارضة
exchange-conflicts-none = لا يوجد تعديل في انتظار قرار.
exchange-conflict-record = السجل
exchange-conflict-ours = نسختنا
exchange-conflict-theirs = نسخة الشريك
exchange-conflict-keep = الإبقاء على
exchange-keep-ours = نسختنا
exchange-keep-theirs = نسخة الشريك
exchange-resolved = سُجّل القرار؛ وتبقى النسختان محفوظتين.
item-ask-forwarded = لـ{ $party } مثيله الخاص: يُرسل الطلب إليه مع التبادل القادم، ويُبلَّغ محرروه هناك.
