# Taawun — English messages. Keys are shared by ar.ftl, fr.ftl and en.ftl.

app-name = Taawun
skip-to-content = Skip to content
nav-main = Main menu
nav-home = Home
nav-commissions = Joint commissions
nav-agreements = Agreements
nav-language = Language
nav-breadcrumbs = You are here
nav-on-page = On this page
demo-banner = Demonstration data. Records not taken from public sources are marked “example”.
footer = Taawun — follow-up of joint commissions, agreements and action plans.
example = example
example-title = Illustrative record, not taken from a public source
code-shared = same number as another record
code-shared-items = Another item of this plan carries the same code; renumber one of them so that everyone can tell them apart:
not-translated = Not translated: shown in { $language }
lang-self = English
lang-name-ar = Arabic
lang-name-fr = French
lang-name-en = English
home-title = Cooperation follow-up
home-intro = Joint commissions, their sessions, the agreements signed and the action plans that implement them.
home-recent-sessions = Recent sessions
home-agreements-in-force = Agreements in force
home-open-items = Open actions
home-all-commissions = All joint commissions
home-all-agreements = All agreements
commissions-title = Joint commissions
commissions-none = No joint commission recorded yet.
sessions-title = Sessions
sessions-none = No session recorded.
sessions-attended-title = Sessions attended
co-chairs-title = Co-chairs
delegations-title = Delegations
delegations-none = No delegation recorded.
delegation-of = Delegation of
agenda-title = Agenda
agenda-none = No agenda recorded.
decisions-title = Decisions
decisions-none = No decision recorded.
events-title = Side events and visits
events-none = No side event recorded.
statements-title = Statements
statements-none = No statement recorded.
agreements-title = Agreements
agreements-none = No agreement recorded.
agreements-signed-title = Agreements signed at the session
agreement-items-title = Actions implementing this agreement
lifecycle-title = Lifecycle
signatories-title = Signatories
clauses-title = Articles
clauses-none = No article recorded.
implemented-by = Implemented by
links-title = Related agreements
links-none = No related agreement.
plans-title = Action plans
plans-none = No action plan recorded.
items-none = No action recorded.
items-led-title = Actions it leads
area-unknown = Area not specified
leads-title = Lead bodies
leads-none = No lead body designated.
item-clauses-title = Articles implemented
indicator-title = Indicator
progress-title = Progress updates
progress-none = No progress reported yet.
activities-title = Activities
activities-none = No activity recorded.
people-title = People
people-none = No one recorded.
organisations-title = Organisations
organisations-none = No organisation recorded.
party-state = State
party-international = International organisation
col-code = No.
col-action = Action
col-lead = Lead body
col-due = Due
col-start = Start
col-status = Status
col-session = Session
col-sessions = Sessions
col-commission = Joint commission
col-dates = Dates
col-date = Date
col-place = Place
col-host = Host
col-agreement = Agreement
col-kind = Type
col-signed = Signed on
col-signed-place = Signed at
col-parties = Parties
col-party = Party
col-established = Established
col-mandate = Mandate
col-role = Role
col-name = Name
col-name-arabic = Name in Arabic script
col-name-latin = Name in Latin script
col-aliases = Other spellings
col-rank = Rank
col-function = Function
col-organisation = Organisation
col-parent = Part of
col-children = Sub-organisations
col-short-name = Short name
col-iso = ISO code
col-reference = Reference
col-duration = Initial duration
col-renewal = Renewal
col-areas = Areas of cooperation
col-area = Area of cooperation
col-plan = Action plan
col-implements = Implements
col-period = Period
col-items = Actions
col-baseline = Baseline
col-target = Target
col-actual = Measured
col-reported-by = Reported by
col-percent = Progress
col-narrative = Comment
col-participants = Participants
error-go-home = Back to the home page
error-not-found-title = Page not found
error-not-found = There is no record or page at this address. It may have been moved, or the link may be incomplete.
error-bad-request-title = Invalid address
error-bad-request = This address is malformed: an identifier or a parameter is not valid.
error-too-large-title = File too large
error-too-large = What you sent is larger than allowed (10 MB for a file to import, 50 MB for an attached file). Nothing was saved.
error-busy-title = Too many documents at once
error-busy-yours = You already have two exports, imports or PDF documents being prepared. Wait until they are ready, then try again; it usually takes a few seconds.
error-busy-instance = The server is preparing as many documents as it can for other readers right now. Try again in a few seconds.
error-internal-title = Something went wrong
error-internal = The server could not complete this request. The problem has been logged; please try again later.
error-storage-title = Data cannot be saved right now
error-storage = The server cannot write its data at the moment (its disk may be full or failing). Nothing was saved. Try again in a few minutes; if it persists, tell the administrator.
error-timeout-title = The answer took too long
error-timeout = The server could not answer within its time limit and gave up on this request. If you were saving something, check whether it was saved before trying again.
kind-mou = Memorandum of understanding
kind-agreement = Agreement
kind-protocol = Protocol
kind-roadmap = Roadmap
kind-convention = Convention
lifecycle-ended = Ended
colon = :
lifecycle-draft = Draft
lifecycle-signed = Signed
lifecycle-in_force = In force
lifecycle-expired = Expired
lifecycle-terminated = Terminated
lifecycle-superseded = Superseded
status-planned = Planned
status-in_progress = In progress
status-on_hold = On hold
status-done = Done
status-cancelled = Cancelled
role-head = Head of delegation
role-co_chair = Co-chair
role-deputy_head = Deputy head of delegation
role-member = Member
role-expert = Expert
activity-course = Training course
activity-expert_exchange = Exchange of experts
activity-visit = Visit
activity-exercise = Exercise
activity-conference = Conference
event-visit = Visit
event-meeting = Meeting
event-ceremony = Ceremony
event-demonstration = Demonstration
occasion-opening = Opening session
occasion-closing = Closing session
link-amends = Amends
link-supersedes = Supersedes
link-implements = Implements
link-in-amends = Amended by
link-in-supersedes = Superseded by
link-in-implements = Implemented by

## Counts (plural-aware)

sessions-count =
    { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }
members-count =
    { $count ->
        [one] { $count } member
       *[other] { $count } members
    }
items-count =
    { $count ->
        [one] { $count } action
       *[other] { $count } actions
    }
items-count-over = more than { $count } actions
commissions-count =
    { $count ->
        [one] { $count } joint commission
       *[other] { $count } joint commissions
    }
commissions-count-over = more than { $count } joint commissions
agreements-count =
    { $count ->
        [one] { $count } agreement
       *[other] { $count } agreements
    }
agreements-count-over = more than { $count } agreements
clauses-count =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
months-count =
    { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
participants-count =
    { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
session-ordinal =
    { NUMBER($count, type: "ordinal") ->
        [one] { $count }st session
        [two] { $count }nd session
        [few] { $count }rd session
       *[other] { $count }th session
    }
clause-number = Article { $count }

## Accounts: login, own account, user administration
nav-account = My account
nav-users = Users
nav-login = Log in
nav-logout = Log out
login-title = Log in
login-username = Username
login-password = Password
login-submit = Log in
login-refused = Wrong username or password.
login-throttled =
    { $count ->
        [one] Too many failed attempts. Try again in one minute.
       *[other] Too many failed attempts. Try again in { $count } minutes.
    }
login-ended = Your session has ended. Please log in again.
login-code-title = Second factor
login-code-help = Enter the 6-digit code shown by your authenticator app, or one of your recovery codes.
login-code = Code
login-code-submit = Confirm
login-code-cancel = Cancel and log out
error-forbidden-title = Not allowed
error-forbidden = Your account does not allow this action. Ask an administrator if you need it.
error-csrf = This form could not be accepted: it has expired or was sent from another site. Reload the page and try again.
user-role-administrator = Administrator
user-role-secretariat = Secretariat
user-role-party_editor = Party editor
user-role-reader = Reader
user-role-auditor = Auditor
account-title = My account
account-username = Username
account-display-name = Name
account-role = Role
account-party = Party
account-organisation = Organisation
account-clearance = Clearance
account-password-title = Change my password
account-password-current = Current password
account-password-new = New password
account-password-confirm = New password again
account-password-submit = Change the password
account-password-changed = Your password has been changed.
account-password-wrong = This is not your current password.
password-too-short =
    { $count ->
        [one] The password is too short: at least one character.
       *[other] The password is too short: at least { $count } characters.
    }
password-too-long = The password is too long.
password-mismatch = The two passwords differ.
account-password-refused = password refused:
account-user-refused = user refused:
password-hint =
    { $count ->
        [one] At least one character.
       *[other] At least { $count } characters. A phrase of several words is easiest to remember.
    }
account-totp-title = Two-step login
account-totp-on = Two-step login is on: after your password, a code from your authenticator app is asked for.
account-totp-off = Two-step login is off. Turn it on so that a stolen password alone cannot open your account.
account-totp-enable = Turn on two-step login
account-totp-disable = Turn off two-step login
account-totp-disable-code = Current code from your authenticator app
account-totp-disabled = Two-step login has been turned off.
totp-enrol-title = Turn on two-step login
totp-enrol-scan = Scan this QR code with your authenticator app (FreeOTP, Aegis, Google Authenticator…).
totp-enrol-qr-alt = QR code to add this account to an authenticator app
totp-enrol-secret = If you cannot scan it, enter this key in the app:
totp-enrol-code = Code shown by the app
totp-enrol-submit = Confirm and turn on
totp-enrol-cancel = Cancel
totp-code-wrong = This code is not valid. Check your phone's clock and enter the current code.
totp-codes-title = Recovery codes
totp-codes-enabled = Two-step login is on.
totp-codes-help = Keep these recovery codes somewhere safe, away from your phone. Each works once, in place of a code from the app. They are shown only now.
totp-codes-done = I have kept them: back to my account
admin-users-title = Users
admin-users-new = New user
admin-users-none = No user yet.
admin-audit-head = Head of the audit log (save it outside the server; `taawun check --expect-head` compares it later):
admin-user-new-title = New user
admin-user-edit-title = Edit user
admin-user-username = Username
admin-user-username-hint = Lowercase letters, digits, dot, hyphen and underscore; 2 to 64 characters.
admin-user-username-fixed = The username cannot be changed.
admin-user-username-invalid = Use 2 to 64 lowercase letters, digits, dots, hyphens or underscores.
admin-user-username-taken = This username is already taken.
admin-user-display-name = Name
admin-user-party = Party
admin-user-organisation = Organisation
admin-user-organisation-none = None
admin-user-person = Person in the registry
admin-user-person-none = None
admin-user-person-hint = A head of delegation adopts the minutes signed in with an account linked to their person. The party’s people are offered once the account has a party.
admin-user-role = Role
admin-user-clearance = Clearance
admin-user-commissions = Commissions
admin-user-commissions-hint = The joint commissions whose work this user edits (for the secretariat role).
admin-user-active = Active account
admin-user-active-hint = A disabled account can no longer log in; it is kept for the history.
admin-user-status = Status
admin-user-active-yes = active
admin-user-active-no = disabled
admin-user-totp = Two-step login
admin-yes = yes
admin-no = no
admin-user-choose = Choose a value.
admin-user-password = Password
admin-user-password-confirm = Password again
admin-user-create = Create the user
admin-user-save = Save
admin-user-created = The user has been created.
admin-user-saved = The changes have been saved.
admin-user-has-errors = The form has errors; see the fields marked below.
admin-user-conflict = Someone else changed this user meanwhile. Reload the page to see their changes, then make yours again.
admin-user-grant-refused = You may not grant a clearance above your own, manage an account cleared above yours, or widen your own account (its role, party, commissions, or a higher clearance). Another administrator must do it.
admin-user-reset-title = Reset the password
admin-user-reset-submit = Set this password
admin-user-reset-done = The password has been reset. Give it to the user by a safe channel.

## Classification, history, search (issue 3)
marking-banner = Classification
marking-unclassified = Unclassified
marking-restricted = Restricted
marking-confidential = Confidential
marking-secret = Secret
releasable-originator = Releasable to { $party } only
marking-originator-only = originator only
history-link = History
history-title = History
history-none = No change recorded.
history-hidden = not shown at your clearance
history-unchanged = No field changed.
history-empty-value = (empty)
history-action-create = Created
history-action-update = Updated
history-action-set_password = Password set
history-action-set_second_factor = Two-step login changed
history-action-use_recovery_code = Recovery code used
col-when = When
col-who = Who
col-change = Changes
col-field = Field
col-old = Before
col-new = After
pager-previous = Previous
pager-next = Next
pager-sessions = Other sessions of this commission
pager-items = Other actions of this plan
search-label = Search
search-submit = Search
search-title = Search
search-prompt = Type one or more words: names, titles, codes, in any of the three languages.
search-results =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
search-none = No result.
col-kind-record = Kind
col-result = Result
entity-party = Party
entity-organisation = Organisation
entity-rank = Rank
entity-person = Person
entity-area = Area of cooperation
entity-agreement = Agreement
entity-clause = Article
entity-commission = Joint commission
entity-session = Session
entity-action_plan = Action plan
entity-action_item = Action item
entity-progress_update = Progress update
entity-activity = Activity
entity-user = User

## Forms (record editing)
form-save = Save
form-add-rows = Add rows
form-cancel = Cancel
form-has-errors = Nothing was saved: the form has errors. Correct the fields listed below.
form-none = — none —
form-row = No. { $count }
form-choose = { $field }: choose a value.
form-required = { $field }: required.
form-required-text = { $field }: required in at least one language.
form-too-long = { $field }: too long (at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
form-out-of-range = { $field }: enter a whole number from { $min } to { $max }.
form-bad-number = { $field }: enter a number.
form-bad-date = { $field }: enter a date as YYYY-MM-DD.
form-bad-choice = { $field }: this choice is not on offer.
form-protection = Protection
form-marking = Classification
form-releasability = Releasable to
form-releasability-hint = Your party is recorded as the originator.
releasability-all_parties = All parties
releasability-originator_only = The originating party only
conflict-title = Someone else saved this record meanwhile
conflict-intro = This record was changed after you opened the form, so your changes were not saved. Compare the two versions below.
conflict-reload = Reload the current version and make your changes again
conflict-field = Field
conflict-yours = Your version
conflict-stored = Stored version
conflict-version = version
conflict-nothing-saved = Your version is shown here only: copy what you need before reloading.
form-person-new = New person
form-person-edit = Edit the person
form-organisation-new = New organisation
form-organisation-edit = Edit the organisation
form-agreement-new = New agreement
form-agreement-edit = Edit the agreement
form-clause-new = New article
form-clause-edit = Edit the article
form-commission-new = New joint commission
form-commission-edit = Edit the joint commission
form-session-new = New session
form-session-edit = Edit the session
form-delegations = Edit the delegations
form-agenda = Edit the agenda
form-decisions = Edit the decisions
form-statements = Edit the statements
form-side-events = Edit the side events
form-plan-new = New action plan
form-plan-edit = Edit the action plan
form-item-new = New action
form-item-edit = Edit the action
form-progress-new = Report progress
form-activity-new = New activity
form-activity-edit = Edit the activity
form-title = Title
form-summary = Summary
form-in-force-on = Date of entry into force
form-ended-on = Date ended
form-duration-months = Initial duration (months)
form-link-kind = Relation
form-number = Number
form-heading = Heading
form-text = Text
form-example = Example (invented for demonstration)
form-ordinal = Session number
form-start-on = Start date
form-end-on = End date
form-person = Person
form-precedence = Order of precedence
form-members = Members
form-agenda-item = Agenda item
form-decision = Decision
form-speaker = Speaker
form-occasion = Occasion
form-event-kind = Kind of event
form-description = Description
form-event-party = Delegation taking part
form-indicator-name = Indicator name
form-indicator-unit = Unit
form-reported-on = Date of the report
form-reporting-side = Reporting party
form-host-organisation = Host organisation
form-count = Number of participants
form-acronym = Acronym
form-due-on = Due date
form-lead-for = Lead body for { $party }
form-delegation-of = Delegation of { $party }
action-edit = Edit
action-add-clause = Add an article
action-add-session = Add a session
action-add-plan = Add an action plan
action-add-item = Add an action
action-add-progress = Report progress
action-add-activity = Add an activity
action-edit-delegations = Delegations
action-edit-agenda = Agenda
action-edit-decisions = Decisions
action-edit-statements = Statements
action-edit-side-events = Side events
history-field-releasability = Releasability
history-field-originator = Originating party
field-origin = origin
field-adoptions = heads' adoptions
history-field-example = Example
history-field-precedence = Order of precedence
action-new-agreement = New agreement
action-new-commission = New joint commission
action-new-organisation = New organisation
action-new-person = New person
form-party-new = New party
form-party-edit = Edit the party
form-iso-hint = Two capital letters of ISO 3166 (MA, ML); required for a state.
form-rank-new = New rank
form-rank-edit = Edit the rank
form-rank-label = Name of the rank
form-nato-code = NATO code
form-nato-code-hint = OF-1 to OF-10 for officers, OR-1 to OR-9 for other ranks, or OF-D.
form-area-new = New area of cooperation
form-area-edit = Edit the area of cooperation
form-area-code = Code
form-area-code-hint = A stable code of lowercase letters, digits, hyphens or underscores (training).
action-new-party = New party
action-new-rank = New rank
action-new-area = New area of cooperation
vocab-parties-title = Parties
vocab-parties-none = No party recorded yet.
vocab-ranks-title = Ranks
vocab-ranks-none = No rank recorded yet.
vocab-areas-title = Areas of cooperation
vocab-areas-none = No area of cooperation recorded yet.
vocab-col-actions = Actions
admin-vocabularies = Shared vocabularies
admin-user-second-factor-title = Turn off two-step login
admin-user-second-factor-help = For a user who lost their phone and their recovery codes: the key of their authenticator app and their recovery codes are removed, so they log in with their password alone until they turn two-step login on again from their account.
admin-user-second-factor-submit = Turn off this user's two-step login
admin-user-second-factor-done = Two-step login has been turned off for this user. Ask them to turn it on again from their account.
search-site = Search the site

# Carry-over: preparing the next session (issue 4)
action-prepare-next-session = Prepare the next session
next-session-title = Prepare the { $session }
next-session-proposal-title = Proposed agenda of the { $session }
next-session-intro = Every open action item of the earlier sessions, grouped by area, with where each side stands.
form-agenda-carried-hint = Untick the items that will not be discussed under this line.
next-session-readonly = Only the commission's secretariat and administrators can confirm this agenda.
next-session-none = No open action item to carry over.
next-session-agenda-line = Follow-up of the action plan: { $area }
form-agenda-carried = Action items discussed under this line
agenda-carried-over = Action items carried over
item-side-state = { $party }: { $status }, { $percent }
item-due-on = due { $date }
col-sides = Where each side stands
# Reminders and notifications (issue 4)
nav-notifications = Notifications
notifications-unread =
    { $count ->
        [one] 1 unread
       *[other] { $count } unread
    }
notifications-title = Notifications
notifications-intro = Reminders of action items due soon or overdue, and of the dates set by agreements, for the work you follow.
notifications-none = No notifications.
notifications-mark-all-read = Mark all as read
notifications-new = new
notice-kind-item_due_soon = Due soon
notice-kind-item_overdue = Overdue
notice-kind-agreement_enters_into_force = Enters into force
notice-kind-agreement_expires = Expires
notice-kind-agreement_notice_date = Notice deadline
notice-line-item_due_soon = Action item { $record } is due on { $date }.
notice-line-item_overdue = Action item { $record } was due on { $date } and is not done.
notice-line-agreement_enters_into_force = { $record } enters into force on { $date }.
notice-line-agreement_expires = { $record } expires on { $date }.
notice-line-agreement_notice_date = { $date } is the last day to give notice on { $record }.
mail-subject =
    { $count ->
        [one] Taawun: 1 reminder
       *[other] Taawun: { $count } reminders
    }
mail-greeting = Hello { $name },
mail-intro = Here is what needs your attention in the follow-up of your work:
mail-footer = You receive these reminders because of your role in Taawun. They are also listed on your Notifications page.
admin-user-email = E-mail address
admin-user-email-hint = Reminders are sent here when the server has an SMTP relay. Leave empty for in-app notifications only.
admin-user-email-invalid = Enter an e-mail address such as name@example.org.
admin-user-language = Language of e-mails
admin-user-language-default = Default (French)
col-reminder = Reminder
col-about = About
next-session-link = Agenda proposed for the next session

# Dashboards, item list, timeline and item follow-up (issue 4)
nav-dashboard = Dashboard
dashboard-link = Follow-up dashboard
dashboard-title = Follow-up dashboard
dashboard-scope-all = Everything you may see
dashboard-as-of = Situation on
dashboard-summary = Implementation
dashboard-total = Actions
dashboard-done = Done
dashboard-open = Open
dashboard-cancelled = Cancelled
dashboard-rate-done = Share done
dashboard-rate-weighted = Mean progress
dashboard-due30 = due within 30 days
dashboard-due90 = due within 90 days
dashboard-overdue = overdue
dashboard-at-risk = at risk
dashboard-by-side = By side
dashboard-by-area = By area of cooperation
dashboard-by-lead = By lead body
dashboard-side = Side
dashboard-hidden-group = Not shown to you
dashboard-group-top = The { $shown } with the most actions, of { $total }.
dashboard-group-all = Show all { $total }
dashboard-group-fewer = Show only the { $shown } with the most actions
dashboard-chart-desc = Share of actions done and mean progress, cancelled actions left out.
dashboard-days-late =
    { $count ->
        [one] { $count } day late
       *[other] { $count } days late
    }
dashboard-in-days =
    { $count ->
        [0] today
        [one] in { $count } day
       *[other] in { $count } days
    }
dashboard-list-overdue = Overdue actions
dashboard-list-at-risk = Actions at risk
dashboard-list-due-soon = Due within 90 days
dashboard-note = Note
dashboard-see-all = See them all
dashboard-deadlines = Agreement dates in the next 90 days
dashboard-deadlines-none = No agreement enters into force, expires or reaches its notice date in the next 90 days.
dashboard-deadline = Date of
dashboard-when = When
deadline-enters_into_force = Entry into force
deadline-expires = Expiry
deadline-notice_date = Last day to give notice
item-list-title = Actions counted
item-list-scope = Dashboard
item-list-show = Counted
item-list-show-all = All actions, cancelled ones included
item-list-show-counted = Actions not cancelled
item-list-show-done = Done
item-list-show-open = Open (neither done nor cancelled)
item-list-show-cancelled = Cancelled
item-list-show-overdue = Overdue
item-list-show-at_risk = At risk, not overdue
item-list-show-due30 = Open, due within 30 days
item-list-show-due90 = Open, due within 90 days
item-list-show-side-done = Done on this side
item-list-back = Back to the dashboard
pager-pages = Pages of the list
risk-behind = behind schedule: { $expected } expected by today, { $actual } reported
risk-silent =
    { $count ->
        [one] no update for { $count } day
       *[other] no update for { $count } days
    }
side-own-status = Own status
side-last-report = Last report
side-no-report = No report yet
joint-status = Joint status
assessment-title = Assessment
assessment-expected = Expected by today
assessment-overdue = Overdue
assessment-at-risk = At risk
cancel-reason = Reason for cancellation
indicator-direction = Direction
indicator-no-values = No value measured yet.
indicator-series = Value per quarter
indicator-period = Quarter
indicator-achievement = Way to target
direction-higher_is_better = Higher is better
direction-lower_is_better = Lower is better
timeline-link = Timeline
timeline-title = Timeline
timeline-quarter = Q{ $quarter } { $year }
timeline-planned = Planned period
timeline-actual = Actual period
timeline-today = Today
timeline-since = since { $date }
timeline-not-started = Not started
timeline-desc = Planned period (start to due date) and actual run (first report to completion, or to today) of each action, by area; today is { $today }.
timeline-table = Planned and actual dates of each action
form-cancel-title = Cancellation by the secretariat
form-cancel-choice = Cancel this action?
form-cancel-keep = Not cancelled: the status follows both sides' reports
form-cancel-yes = Cancelled
form-cancel-hint = Cancelling ends the joint work on this action for both sides and cannot be undone. Give the reason in at least one language.
notifications-example = Example: the reminders a secretariat officer of these commissions would receive today — action items due soon or overdue, and the dates agreements set. Sign in to see your own.

## Documents
doc-downloads = Documents
doc-minutes = Minutes of the session (PDF)
doc-report = Action plan status report (PDF)
doc-agreement-text = Text of the agreement (PDF)
doc-layout = Languages
doc-layout-ar-fr = Arabic ‖ French, side by side
doc-layout-ar = Arabic
doc-layout-fr = French
doc-layout-en = English
doc-archival = Archival copy (PDF/A-2b)
doc-download = Download

## Exports and long work
nav-exports = Exports
exports-title = Export the lists
exports-intro = Every list downloads as an Excel workbook or as CSV, in your language, holding only what you are cleared to see.
exports-list = List
exports-xlsx = Excel workbook (.xlsx)
exports-csv = CSV
exports-download = Download:
export-agreements = Agreements
export-sessions = Sessions
export-items = Action plan items
export-progress = Progress updates
export-activities = Activities
export-people = People
export-col-title = Title
job-reading = Reading records: { $count }
job-writing = Writing: { $done } of { $total } rows
job-finished = Finished.
job-failed = The work could not be completed. Nothing was changed; try again or tell the administrator.
job-refreshes = This page updates itself.
job-continue = Continue

## Import
import-title = Import items from a spreadsheet
import-intro = Send an Excel workbook (.xlsx) or a CSV file whose first row names the columns. You will see how each column is read and every row's problems before anything is saved; the rows are saved all together or not at all.
import-file = File to import
import-file-hint = .xlsx or .csv, at most 10 MB and 20,000 rows. An items list exported from Taawun imports back as it is.
import-read = Read the file
import-mapping-title = Columns and fields
import-column = Column
import-field = Field
import-examples = Examples
import-ignore-column = (ignore this column)
import-check-again = Check again
import-problems-title = Problems to fix
import-nothing-until-clean = Nothing is imported while any row has a problem. Fix the file and send it again, or change how the columns are mapped.
import-row = Row
import-problem = Problem
import-sample-title = Preview of the items to create
import-back = Back to the action plan
import-job = Importing items
import-choose-file = Choose a file to import.
import-unreadable-upload = The file could not be received. Please try again.
import-upload-expired = This file is no longer available (it expired or was already imported). Please send it again.
import-row-failed = Nothing was imported: row { $row } was refused. { $why }
import-rows = { $count ->
    [0] no rows
    [one] { $count } row
   *[other] { $count } rows
}
import-problems = { $count ->
    [0] no problems
    [one] { $count } problem
   *[other] { $count } problems
}
import-more-problems = { $count ->
    [one] … and { $count } more problem.
   *[other] … and { $count } more problems.
}
import-commit = { $count ->
    [one] Import { $count } item
   *[other] Import the { $count } items
}
import-done = { $count ->
    [one] { $count } item imported.
   *[other] { $count } items imported.
}
import-offer = Import items from a spreadsheet

## Calendar feeds
calendar-title = Calendar subscriptions
calendar-intro = Subscribe your calendar (Outlook, Thunderbird, your phone's calendar) to sessions, activities, item due dates and agreements' dates. Each address is secret and shows only what you are cleared to see; revoke it if it may have been shared.
calendar-mine = My Taawun calendar
calendar-unavailable = Commission not available
calendar-created = Subscription created. Copy this address into your calendar: it will not be shown again.
calendar-address = Subscription address
calendar-secret = Anyone who knows this address sees this calendar: keep it to yourself.
calendar-new = New subscription
calendar-scope = Calendar
calendar-create = Create the subscription address
calendar-feeds = Your subscriptions
calendar-none = No subscriptions yet.
calendar-made = Created on
calendar-revoked = Revoked on
calendar-revoke = Revoke
calendar-due = Due: { $item }
calendar-offer = Subscribe to the commission's calendar
account-calendar = Calendar subscriptions

## Status report and agreement text
report-total = Items
report-done = Done
report-overdue = Overdue
report-at-risk = At risk
report-rate = Completion rate
report-rate-weighted = Weighted progress
doc-signed-on = Signed on { $date }
doc-signed-at = Signed at { $place } on { $date }

## Field names inside rule messages (the last meaningful segment of a record's field path)
field-minutes = minutes
field-preamble = preamble
field-conclusions = conclusions
field-next_session = next session
field-original_langs = languages of the originals
field-name = name
field-short_name = short name
field-iso_code = ISO code
field-acronym = acronym
field-parent_id = parent organisation
field-label = label
field-nato_code = NATO code
field-name_ar = name in Arabic
field-name_latin = name in Latin script
field-aliases = other spelling
field-function = function
field-organisation_id = organisation
field-rank_id = rank
field-code = code
field-title = title
field-summary = summary
field-renewal_terms = renewal terms
field-party_ids = parties
field-party_id = party
field-reference = reference
field-status = status
field-signed_on = date of signature
field-in_force_on = date of entry into force
field-ended_on = end date
field-links = links
field-text = text
field-heading = heading
field-number = number
field-mandate = mandate
field-co_chair_ids = co-chair
field-place = place
field-ordinal = session number
field-start_on = start date
field-end_on = end date
field-due_on = due date
field-host_party_id = host party
field-members = delegation members
field-person_id = person
field-description = description
field-percent = percent complete
field-narrative = narrative
field-baseline = baseline
field-target = target
field-indicator_actual = actual value
field-cancel_reason = reason for cancelling
field-item_ids = action items
field-notice_months = notice period in months
field-email = e-mail address
field-direction = direction of improvement
field-leads = lead bodies
field-display_name = display name
field-username = username
field-password = password
field-originator = originating party

## Rule messages: $field is the field's name above, with its position when in a list
rule-required = { $field }: required in at least one language.
rule-too-long = { $field }: too long (at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}).
rule-too-short = { $field }: too short (at least { $min ->
    [one] { $min } character
   *[other] { $min } characters
}).
rule-end-before-start = { $field }: cannot be before the start date.
rule-due-before-start = { $field }: cannot be before the start date.
rule-date-before = { $field }: cannot be before the { $other }.
rule-date-missing = { $field }: required for this status.
rule-percent-out-of-range = { $field }: must be between 0 and 100.
rule-not-positive = { $field }: must be 1 or more.
rule-ordinal-taken = { $field }: this commission already has a session with this number.
rule-duplicate = { $field }: appears twice.
rule-too-few-parties = { $field }: at least two different parties are required.
rule-member-of-other-party = { $field }: this person does not belong to the delegation's party.
rule-party-not-in-commission = { $field }: is not a party to this commission.
rule-lead-not-of-plan-party = { $field }: the lead body must belong to a party of the plan.
rule-duplicate-side = { $field }: this party is listed twice.
rule-missing-side = { $field }: a lead body is required for each party.
rule-two-heads = { $field }: a delegation has only one head.
rule-organisation-of-other-party = { $field }: belongs to another party.
rule-bad-iso-code = { $field }: two capital letters required for a state (e.g. MA).
rule-transition = { $field }: cannot move from “{ $from }” to “{ $to }”.
rule-not-a-lead-party = { $field }: this party does not lead this item.
rule-only-when-cancelled = { $field }: only for a cancelled item.
rule-cancelled-by-secretariat = { $field }: a side cannot cancel the item; the secretariat cancels it, giving a reason.
rule-unknown = { $field }: unknown or invalid value.
rule-minutes-adopted = { $field }: the minutes are adopted and signed; their text, and the session they come from, change only in a new version.
rule-minutes-adoption = { $field }: this adoption does not fit the minutes: each delegation adopts an adopted version of these minutes, with its hash, once.
rule-partners-record = { $field }: this record comes from the other party's instance; only your side of it (your delegation, your lead body) may be changed here.
rule-minutes-scan-missing = { $field }: attach the scan of the originals both heads of delegation signed before marking the minutes adopted.
# The states a transition message names (agreements' lifecycle and items' status).
rule-state-draft = draft
rule-state-signed = signed
rule-state-in_force = in force
rule-state-expired = expired
rule-state-terminated = terminated
rule-state-superseded = superseded
rule-state-planned = planned
rule-state-in_progress = in progress
rule-state-on_hold = on hold
rule-state-done = done
rule-state-cancelled = cancelled

## Import: the fields a column can fill (also the items export's headers), and row problems
import-field-code = Code
import-field-title = Title ({ $language })
import-field-description = Description ({ $language })
import-field-area = Area of cooperation
import-field-lead = Lead body — { $party }
import-field-start-on = Start date
import-field-due-on = Due date
import-field-language-ar = Arabic
import-field-language-fr = French
import-field-language-en = English
import-problem-unmapped-title = No column is mapped to the title, which is required in at least one language.
import-problem-unmapped = No column is mapped to the field “{ $field }”, which is required.
import-problem-missing-title = The title is empty; it is required in at least one language.
import-problem-missing-lead = The lead body for { $party } is not given.
import-problem-missing = The field “{ $field }” is empty but required.
import-problem-bad-date = The date “{ $value }” is not valid; accepted forms: 15/03/2026 or 2026-03-15.
import-problem-bad-date-in-column = The date “{ $value }” in column “{ $column }” is not valid; accepted forms: 15/03/2026 or 2026-03-15.
import-problem-unknown-organisation = Unknown organisation “{ $value }” for { $party }.
import-problem-organisation-of-other-party = The organisation “{ $value }” belongs to another party, not to { $party }.
import-problem-unknown-area = Unknown area of cooperation “{ $value }”.
import-problem-duplicate-code = The code “{ $code }” appears more than once in the file.
import-problem-code-taken = The code “{ $code }” is already used by an item of this plan.

## Spreadsheets that cannot be read ($size is in MB, written as a string)
sheet-error-too-large = The file is too large: { $size } MB at most.
sheet-error-too-many-rows = The file has more than { $max ->
    [one] { $max } row
   *[other] { $max } rows
}. Split it into several files.
sheet-error-too-many-columns = The file has more than { $max ->
    [one] { $max } column
   *[other] { $max } columns
}.
sheet-error-empty = The file has no rows under its header row.
sheet-error-not-a-spreadsheet = This file is not a spreadsheet. Send an .xlsx or .csv file.
sheet-error-damaged = This spreadsheet cannot be read: the file is damaged or incomplete. Save it again and resend it.
sheet-error-not-utf8 = This file's text encoding is not supported. Save it as "CSV UTF-8" and resend it.
sheet-error-unpacks-too-large = This file unpacks to more than { $size } MB of content, more than any action plan needs. Remove unused sheets and formatting, or split it into several files.
sheet-error-too-many-cells = The file has more than { $max ->
    [one] { $max } cell
   *[other] { $max } cells
}, counting the empty cells between values. Keep only the rows and columns to import.
sheet-error-too-slow = Reading this file took too long and was stopped. Send a smaller file or split it into several files.
sheet-error-old-or-protected = This file is in the Excel 97–2003 format (.xls) or protected by a password. Save it as an .xlsx workbook without a password and resend it.
import-busy = The server is reading other spreadsheets right now. Wait a few seconds, then send your file again.

# Import that updates: an exported sheet names each item by id and version.
import-field-id = Id
import-field-version = Version
import-problem-duplicate-id = The id “{ $id }” appears more than once in the file.
import-problem-version-conflict = Item { $code } was changed after the export (version { $yours } in the file, { $stored } stored): export the plan again and redo this change.
import-count-new = { $count ->
    [one] { $count } new item
   *[other] { $count } new items
}
import-count-changed = { $count ->
    [one] { $count } changed item
   *[other] { $count } changed items
}
import-count-unchanged = { $count ->
    [one] { $count } unchanged row
   *[other] { $count } unchanged rows
}
import-nothing-to-change = The file changes nothing: every row matches the item as stored.
import-commit-changes = Save these changes
import-updated = { $count ->
    [one] { $count } item updated.
   *[other] { $count } items updated.
}
import-changes-title = What the import will save
import-change = Change
import-change-new = New
import-change-new-unmatched = New (its id names no item of this plan)
import-change-changed = Changed: { $fields }
import-changed-meanwhile = Someone else changed this item during the import; read the file and check it again.

# Minutes (procès-verbal): the document's sentences (see i18n/src/minutes.rs for the articles
# and ordinals the variables already carry) and the minutes pages.
minutes-title = Minutes of the { $ordinal }
minutes-preamble = At the invitation of { $host }, the { $ordinal } of { $commission } was held in { $place } { $dates }.
minutes-dates-span = from { $from } to { $to }
minutes-dates-day = on { $day }
minutes-between = Between { $first } and { $second }
minutes-delegation-of = Delegation of { $party }
minutes-head-of = Head of the Delegation of { $party }
minutes-lang-ar = Arabic
minutes-lang-fr = French
minutes-lang-en = English
minutes-originals-one = in the { $a } language
minutes-originals-two = in the { $a } and { $b } languages, both texts being equally authentic
minutes-originals-three = in the { $a }, { $b } and { $c } languages, the three texts being equally authentic
minutes-closing = Done at { $place } on { $date }, in two original copies, { $originals }.
minutes-draft = DRAFT
minutes-adopted-hash = Version { $version } adopted on { $date } — SHA-256: { $hash }
minutes-heading = Minutes
minutes-status-draft = Draft, version { $version }
minutes-status-adopted = Adopted, version { $version }
minutes-print = Printable view
minutes-edit = Preamble and next session
minutes-adopt = Mark as adopted
minutes-adopt-hint = Once both heads of delegation have signed the paper originals. The text is then frozen: changing it will need a new version.
minutes-adopt-heading = Adopting these minutes
minutes-scan-step = Attach the scan of the paper originals both heads of delegation signed.
minutes-scan = Signed scan
minutes-scan-none = No signed scan is attached to this version yet.
minutes-scan-choose = Scan of the signed minutes (PDF or image)
minutes-adopt-step = Mark this version adopted: it will name the scan above.
minutes-revise = Start a new version
minutes-revise-hint = The adopted text stays readable as it was signed.
minutes-versions = Adopted versions
minutes-version-line = Version { $version }, adopted on { $date } by { $who }
minutes-hash = SHA-256 fingerprint of the adopted text
record-from-partner = Recorded on the instance of { $partner }, the other party’s: it is kept as that instance sends it, and only your side of it (your delegation, your lead body) may be changed here.
minutes-pdf-adoptions = Adopted by the heads of delegation, each on their party's instance, which signed the adoption
minutes-pdf-adoption = For { $party }: { $who }, { $when }. Instance key { $key }. SHA-256 { $hash }
minutes-heads-heading = Adoption by the heads of delegation
minutes-heads-none = No head of delegation has adopted these minutes on an instance yet.
minutes-heads-hint = As head of your delegation, you adopt the version in force for your party. Confirm with the current code of your authenticator app; this instance signs your adoption and sends it to the other party's.
minutes-head-line = { $party }: { $who }, { $when }, version { $version }
minutes-head-key = Signing instance's key fingerprint
minutes-head-code = Authenticator code
minutes-head-adopt = Adopt version { $version } as head of delegation
minutes-both = Adopted by both parties: version { $version }
minutes-head-check-valid = signature verified
minutes-head-check-unknown-key = not signed by a key this instance knows for that party
minutes-head-check-bad-signature = the signature does not match
minutes-head-check-no-longer-matching = no longer matches the minutes held here
adoption-refused-no-identity = This server has no exchange identity to sign the adoption with; ask the administrator to run "taawun exchange init".
adoption-refused-other-party = This instance speaks for another party: adopt on your own party's instance.
adoption-refused-no-person = Your account is not linked to a person of the registry; ask the administrator to link it.
adoption-refused-not-head = Only the head of your party's delegation to this session adopts its minutes.
adoption-refused-not-adopted = No version of these minutes is adopted and in force.
adoption-refused-already = Your party has already adopted this version.
adoption-refused-second-factor = The authenticator code is not right (or your account has no second factor): nothing was adopted.
minutes-back = Back to the session
minutes-conclusions = Conclusions
minutes-carried = Actions carried over
minutes-next-session = Next session
minutes-preamble-heading = Preamble
form-minutes = Edit the minutes
form-minutes-preamble = Preamble (added after the opening sentence)
form-minutes-next-session = Next session
form-minutes-langs = Languages of the signed originals
form-minutes-langs-hint = Named in the closing formula; at least one.
form-agenda-conclusions = Agreed conclusions
# Files attached to records (issue 13).
files-title = Files
files-none = No file attached.
files-name = File
files-purpose = Purpose
files-size = Size
files-uploaded = Uploaded
files-sha256 = SHA-256
files-version = Version
files-older = Older versions
files-download = Download
files-add = Attach a file
files-choose = File
files-accepted = PDF, images (PNG, JPEG, TIFF, WebP) and office documents (Word, Excel, PowerPoint, OpenDocument), up to 50 MB.
files-attach-button = Attach
files-replace = Replace with a new version
files-replace-button = Upload the new version
files-purge = Purge (misfiled file)
files-purge-reason = Reason (kept in the audit log)
files-purge-button = Purge for good
files-purge-reason-required = Give the reason for the purge: it is kept in the audit log.
files-purged = The file version was purged. The audit log keeps who, when, why and its SHA-256.
files-bytes = { $size } bytes
file-purpose-signed_minutes = Signed minutes
file-purpose-signed_agreement = Signed agreement
file-purpose-communique = Press communiqué
file-purpose-supporting = Supporting document
file-purpose-emblem = Emblem
file-refused-empty = Choose a file to attach.
file-refused-too-large = This file is larger than { $size } MB. Send a smaller file (a scan at 300 dpi in black and white is much smaller).
file-refused-not-accepted = This type of file is not accepted. Attach a PDF, an image (PNG, JPEG, TIFF, WebP) or an office document (Word, Excel, PowerPoint, OpenDocument).
file-refused-damaged = This document is damaged or protected by a password and cannot be checked. Save it again without a password and resend it.
file-refused-bomb = This document unpacks to far more than it weighs and was refused. Save it again from its application and resend it.
file-refused-scanner = The file was refused by this installation's virus scanner.
file-refused-scanner-failed = The virus scanner could not check this file, so it was not kept. Try again later, or tell your administrator.
file-refused-not-an-emblem = An emblem must be a PNG or JPEG image; nothing was stored.
history-action-attach_file = File attached
history-action-replace_file = New version of a file
history-action-purge_file = File purged
files-back = Back to the record
files-of-report = Files of the report

## Who changed what (issue 14, part 9)
nav-changes = Recent changes
changes-title = Recent changes
changes-intro = Who created or changed what, and when, newest first: the records you may see.
changes-none = No change to show.
changes-older = Older changes
changes-newest = Newest changes
changes-show = Show
changes-show-all = Every record
changes-show-progress = Progress reports
changes-show-items = Action items
changes-on-item = on
col-what = What
notice-kind-update_requested = Update requested
notice-line-update_requested = The secretariat asks for news of action item { $record } (asked on { $date }).
history-action-request_update = Update requested
item-ask-title = Ask for an update
item-ask-intro = The lead body's editors on that side are notified in the application and by e-mail.
item-ask-button = Ask { $party } for an update
item-ask-done = { $count ->
    [0] Nobody on the side of { $party } may see this item: no one was asked.
    [one] { $count } editor of { $party } was asked for an update.
   *[other] { $count } editors of { $party } were asked for an update.
}
item-ask-again = { $party } was already asked today.
history-value-yes = Yes
history-value-no = No
history-minutes-draft = Draft
history-minutes-adopted = Adopted
account-arabic-dates-title = Dates in Arabic
account-arabic-dates-intro = How pages write dates when you read them in Arabic: the month names differ between Morocco and the Mashriq.
account-arabic-dates-label = Month names
account-arabic-dates-default = As this installation writes them
account-arabic-dates-ma = Moroccan usage
account-arabic-dates-none = Mashriq usage (CLDR's generic Arabic)
account-arabic-dates-save = Save

## The exchange between instances (issue 16)
exchange-refused-not-an-envelope = This file is not a Taawun exchange bundle.
exchange-refused-newer-format = This bundle was written by a newer version of Taawun: upgrade this instance to read it.
exchange-refused-other-receiver = This bundle is addressed to another instance.
exchange-refused-unknown-sender = This bundle comes from an instance, or is signed by a key, that is not registered here.
exchange-refused-revoked-sender = This bundle comes from a partner whose key was revoked.
exchange-refused-cannot-decrypt = This bundle cannot be opened with this instance's key: it was altered, or encrypted for another key.
exchange-refused-bad-signature = The signature of this bundle does not match the partner's key: it was altered.
exchange-refused-out-of-order = This bundle does not follow the last one applied: an earlier bundle is missing.
exchange-refused-replayed = This bundle's place in the chain was already taken by another bundle: it is a replay, or the partner restored a backup.
exchange-refused-broken-chain = This bundle does not name the last bundle applied as its predecessor.
exchange-refused-not-its-record = This bundle changes a record the partner does not own.
exchange-refused-above-clearance = This bundle carries a record above the clearance agreed with the partner.
exchange-refused-bad-record = This bundle carries a record this instance cannot accept.
history-action-exchange_partner = Exchange partner registered
history-action-exchange_partner_change = Exchange partner changed
history-action-exchange_revoke = Exchange partner revoked
history-action-exchange_send = Bundle sent to a partner
history-action-exchange_receive = Bundle received from a partner
history-action-exchange_resume = Exchange resumed after a fork
exchange-refused-fork = This bundle takes the place of another already applied, after the same predecessor: the partner restored a backup. Its administrator resumes the exchange (taawun exchange resync).
exchange-refused-missing-file = A file this bundle names did not come with it, or is not the content it names: nothing was applied. Import the bundle with its files directory (FILE.files), or pull it over HTTPS.
history-action-exchange_match = Partner record matched

## The exchange page (issue 16)
nav-exchange = Exchange
exchange-title = Exchange with partner instances
exchange-own = This instance
exchange-own-none = This instance has no exchange identity yet: an administrator gives it one on the server (taawun exchange init).
exchange-instance = Instance
exchange-fingerprint = Fingerprint
exchange-partners = Partners
exchange-partners-none = No partner is registered.
exchange-partner = Partner
exchange-party = Party
exchange-clearance = Clearance agreed
exchange-state = State
exchange-state-active = Active
exchange-state-revoked = Revoked
exchange-last-out = Last bundle sent
exchange-last-in = Last bundle applied
exchange-none = none
exchange-download = Download the next bundle
exchange-upload = A bundle or receipt file from a partner
exchange-upload-button = Import
exchange-choose-file = Choose a bundle or receipt file.
exchange-matches = Partner records to match
exchange-matches-none = No partner record is waiting to be matched.
exchange-match-kind = Kind
exchange-theirs = The partner’s record
exchange-ours = Ours
exchange-decision = The same?
exchange-confirm = The same
exchange-decline = Not the same
exchange-matched = Decision recorded.
exchange-match-gone = This record was already decided.
exchange-log = Log
exchange-log-none = Nothing exchanged yet.
exchange-log-when = When
exchange-log-direction = Direction
exchange-log-kind = What
exchange-log-seq = No.
exchange-log-outcome = Verification
exchange-log-key = Signed by the key
exchange-dir-out = Sent
exchange-dir-in = Received
exchange-kind-bundle = Bundle
exchange-kind-receipt = Receipt
exchange-outcome-sent = Sent, awaiting its receipt
exchange-outcome-applied = Verified and applied
exchange-outcome-refused = Refused
exchange-outcome-acknowledged = Acknowledged by the partner
exchange-result-applied = Bundle { $seq } applied: { $records } records.
exchange-result-already = This bundle was already applied: nothing changed.
exchange-result-receipt = Receipt recorded.
exchange-receipt-download = Download the receipt to send back
exchange-nothing-to-send = Nothing changed since the last bundle: there is nothing to send.
history-action-exchange_resolve = Exchange conflict resolved
exchange-conflicts = Changes that clash
exchange-conflicts-none = No change is waiting for a decision.
exchange-conflict-record = Record
exchange-conflict-ours = Our version
exchange-conflict-theirs = The partner’s version
exchange-conflict-keep = Keep
exchange-keep-ours = Ours
exchange-keep-theirs = The partner’s
exchange-resolved = Decision recorded; both versions stay on record.
item-ask-forwarded = { $party } runs its own instance: the request goes there with the next exchange, and its editors are notified there.
