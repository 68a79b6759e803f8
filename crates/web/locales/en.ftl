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
not-translated = Not translated: shown in { $language }
lang-self = English
lang-name-ar = Arabic
lang-name-fr = French
lang-name-en = English
percent = { $value }%
home-title = Cooperation follow-up
home-intro = Joint commissions, their sessions, the agreements signed and the action plans that implement them.
home-recent-sessions = Recent sessions
home-agreements-in-force = Agreements in force
home-open-items = Open actions
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
error-internal-title = Something went wrong
error-internal = The server could not complete this request. The problem has been logged; please try again later.
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
