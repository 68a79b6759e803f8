# Taawun — messages en français. Mêmes clés que ar.ftl et en.ftl.

app-name = Taawun
skip-to-content = Aller au contenu
nav-main = Menu principal
nav-home = Accueil
nav-commissions = Commissions mixtes
nav-agreements = Accords
nav-language = Langue
nav-breadcrumbs = Vous êtes ici
nav-on-page = Sur cette page
demo-banner = Données de démonstration. Les éléments qui ne proviennent pas de sources publiques portent la mention « exemple ».
footer = Taawun — suivi des commissions mixtes, des accords et des plans d'action.
example = exemple
example-title = Élément illustratif, ne provenant pas d'une source publique
not-translated = Non traduit : affiché en { $language }
lang-self = Français
lang-name-ar = arabe
lang-name-fr = français
lang-name-en = anglais
percent = { $value } %
home-title = Suivi de la coopération
home-intro = Les commissions mixtes, leurs sessions, les accords signés et les plans d'action qui les mettent en œuvre.
home-recent-sessions = Sessions récentes
home-agreements-in-force = Accords en vigueur
home-open-items = Actions en cours
commissions-title = Commissions mixtes
commissions-none = Aucune commission mixte enregistrée.
sessions-title = Sessions
sessions-none = Aucune session enregistrée.
sessions-attended-title = Sessions auxquelles la personne a participé
co-chairs-title = Coprésidents
delegations-title = Délégations
delegations-none = Aucune délégation enregistrée.
delegation-of = Délégation :
agenda-title = Ordre du jour
agenda-none = Aucun ordre du jour enregistré.
decisions-title = Décisions
decisions-none = Aucune décision enregistrée.
events-title = Activités en marge et visites
events-none = Aucune activité en marge enregistrée.
statements-title = Allocutions
statements-none = Aucune allocution enregistrée.
agreements-title = Accords
agreements-none = Aucun accord enregistré.
agreements-signed-title = Accords signés lors de la session
agreement-items-title = Actions mettant en œuvre cet accord
lifecycle-title = Cycle de vie
signatories-title = Signataires
clauses-title = Articles
clauses-none = Aucun article enregistré.
implemented-by = Mis en œuvre par
links-title = Accords liés
links-none = Aucun accord lié.
plans-title = Plans d'action
plans-none = Aucun plan d'action enregistré.
items-none = Aucune action enregistrée.
items-led-title = Actions dont il est chef de file
area-unknown = Domaine non précisé
leads-title = Organismes chefs de file
leads-none = Aucun organisme chef de file désigné.
item-clauses-title = Articles mis en œuvre
indicator-title = Indicateur
progress-title = Points d'avancement
progress-none = Aucun point d'avancement à ce jour.
activities-title = Activités
activities-none = Aucune activité enregistrée.
people-title = Personnes
people-none = Aucune personne enregistrée.
organisations-title = Organismes
organisations-none = Aucun organisme enregistré.
party-state = État
party-international = Organisation internationale
col-code = N°
col-action = Action
col-lead = Chef de file
col-due = Échéance
col-start = Début
col-status = État
col-session = Session
col-sessions = Sessions
col-commission = Commission mixte
col-dates = Dates
col-date = Date
col-place = Lieu
col-host = Pays hôte
col-agreement = Accord
col-kind = Type
col-signed = Signé le
col-signed-place = Signé à
col-parties = Parties
col-party = Partie
col-established = Créée le
col-mandate = Mandat
col-role = Rôle
col-name = Nom
col-name-arabic = Nom en graphie arabe
col-name-latin = Nom en graphie latine
col-aliases = Autres graphies
col-rank = Grade
col-function = Fonction
col-organisation = Organisme
col-parent = Rattaché à
col-children = Organismes rattachés
col-short-name = Nom court
col-iso = Code ISO
col-reference = Référence
col-duration = Durée initiale
col-renewal = Renouvellement
col-areas = Domaines de coopération
col-area = Domaine de coopération
col-plan = Plan d'action
col-implements = Met en œuvre
col-period = Période
col-items = Actions
col-baseline = Valeur de référence
col-target = Cible
col-actual = Valeur mesurée
col-reported-by = Rapporté par
col-percent = Avancement
col-narrative = Commentaire
col-participants = Participants
error-go-home = Retour à l'accueil
error-not-found-title = Page introuvable
error-not-found = Aucun élément ni aucune page ne correspond à cette adresse. Le lien est peut-être incomplet.
error-bad-request-title = Adresse invalide
error-bad-request = Cette adresse est mal formée : un identifiant ou un paramètre n'est pas valide.
error-internal-title = Une erreur est survenue
error-internal = Le serveur n'a pas pu traiter cette demande. L'incident a été consigné ; veuillez réessayer plus tard.
kind-mou = Mémorandum d'entente
kind-agreement = Accord
kind-protocol = Protocole
kind-roadmap = Feuille de route
kind-convention = Convention
lifecycle-ended = Fin
colon =  :
lifecycle-draft = Projet
lifecycle-signed = Signé
lifecycle-in_force = En vigueur
lifecycle-expired = Expiré
lifecycle-terminated = Dénoncé
lifecycle-superseded = Remplacé
status-planned = Prévue
status-in_progress = En cours
status-on_hold = Suspendue
status-done = Réalisée
status-cancelled = Annulée
role-head = Chef de délégation
role-co_chair = Coprésident
role-deputy_head = Chef de délégation adjoint
role-member = Membre
role-expert = Expert
activity-course = Stage de formation
activity-expert_exchange = Échange d'experts
activity-visit = Visite
activity-exercise = Exercice
activity-conference = Conférence
event-visit = Visite
event-meeting = Réunion
event-ceremony = Cérémonie
event-demonstration = Démonstration
occasion-opening = Séance d'ouverture
occasion-closing = Séance de clôture
link-amends = Modifie
link-supersedes = Remplace
link-implements = Met en œuvre
link-in-amends = Modifié par
link-in-supersedes = Remplacé par
link-in-implements = Mis en œuvre par

## Counts (plural-aware)

sessions-count =
    { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }
members-count =
    { $count ->
        [one] { $count } membre
       *[other] { $count } membres
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
months-count = { $count } mois
participants-count =
    { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
session-ordinal =
    { $count ->
        [1] 1re session
       *[other] { $count }e session
    }
clause-number = Article { $count }
