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
demo-banner = Données de démonstration. Les éléments qui ne proviennent pas de sources publiques portent la mention « exemple ».
footer = Taawun — suivi des commissions mixtes, des accords et des plans d'action.
example = exemple
example-title = Élément illustratif, ne provenant pas d'une source publique
code-shared = même numéro qu’un autre enregistrement
code-shared-items = Une autre action de ce plan porte le même code ; renumérotez l’une des deux pour que chacun puisse les distinguer :
not-translated = Non traduit : affiché en { $language }
lang-self = Français
lang-name-ar = arabe
lang-name-fr = français
lang-name-en = anglais
home-title = Suivi de la coopération
home-intro = Les commissions mixtes, leurs sessions, les accords signés et les plans d'action qui les mettent en œuvre.
home-recent-sessions = Sessions récentes
home-agreements-in-force = Accords en vigueur
home-open-items = Actions en cours
home-all-commissions = Toutes les commissions mixtes
home-all-agreements = Tous les accords
commissions-title = Commissions mixtes
commissions-none = Aucune commission mixte enregistrée.
sessions-title = Sessions
sessions-none = Aucune session enregistrée.
sessions-attended-title = Sessions auxquelles la personne a participé
co-chairs-title = Coprésidents
delegations-title = Délégations
delegations-none = Aucune délégation enregistrée.
delegation-of = Délégation :
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
col-reported-by = Transmis par
col-percent = Avancement
col-narrative = Commentaire
col-participants = Participants
error-go-home = Retour à l'accueil
error-not-found-title = Page introuvable
error-not-found = Aucun élément ni aucune page ne correspond à cette adresse. Le lien est peut-être incomplet.
error-bad-request-title = Adresse invalide
error-bad-request = Cette adresse est mal formée : un identifiant ou un paramètre n'est pas valide.
error-too-large-title = Fichier trop volumineux
error-too-large = Ce que vous avez envoyé dépasse la taille permise (10 Mo pour un fichier à importer, 50 Mo pour un fichier joint). Rien n'a été enregistré.
error-busy-title = Trop de documents à la fois
error-busy-yours = Deux exports, imports ou documents PDF sont déjà en préparation pour vous. Attendez qu'ils soient prêts, puis réessayez ; cela prend d'ordinaire quelques secondes.
error-busy-instance = Le serveur prépare en ce moment autant de documents qu'il le peut pour d'autres lecteurs. Réessayez dans quelques secondes.
error-internal-title = Une erreur est survenue
error-internal = Le serveur n'a pas pu traiter cette demande. L'incident a été consigné ; veuillez réessayer plus tard.
error-storage-title = Enregistrement impossible pour le moment
error-storage = Le serveur ne peut pas écrire ses données en ce moment (son disque est peut-être plein ou défaillant). Rien n’a été enregistré. Réessayez dans quelques minutes ; si cela persiste, prévenez l’administrateur.
error-timeout-title = La réponse a pris trop de temps
error-timeout = Le serveur n’a pas pu répondre dans le délai prévu et a abandonné cette demande. Si vous enregistriez quelque chose, vérifiez s’il a été enregistré avant de recommencer.
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
items-count-over = plus de { $count } actions
commissions-count =
    { $count ->
        [one] { $count } commission mixte
       *[other] { $count } commissions mixtes
    }
commissions-count-over = plus de { $count } commissions mixtes
agreements-count =
    { $count ->
        [one] { $count } accord
       *[other] { $count } accords
    }
agreements-count-over = plus de { $count } accords
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

## Comptes : connexion, mon compte, administration des utilisateurs
nav-account = Mon compte
nav-users = Utilisateurs
nav-login = Se connecter
nav-logout = Se déconnecter
login-title = Connexion
login-username = Identifiant
login-password = Mot de passe
login-submit = Se connecter
login-refused = Identifiant ou mot de passe incorrect.
login-throttled =
    { $count ->
        [one] Trop de tentatives échouées. Réessayez dans une minute.
       *[other] Trop de tentatives échouées. Réessayez dans { $count } minutes.
    }
login-ended = Votre session a pris fin. Veuillez vous reconnecter.
login-code-title = Second facteur
login-code-help = Saisissez le code à 6 chiffres affiché par votre application d'authentification, ou l'un de vos codes de secours.
login-code = Code
login-code-submit = Valider
login-code-cancel = Annuler et se déconnecter
error-forbidden-title = Action non autorisée
error-forbidden = Votre compte ne permet pas cette action. Adressez-vous à un administrateur si vous en avez besoin.
error-csrf = Ce formulaire n'a pas pu être accepté : il a expiré ou a été envoyé depuis un autre site. Rechargez la page et recommencez.
user-role-administrator = Administrateur
user-role-secretariat = Secrétariat
user-role-party_editor = Rédacteur de partie
user-role-reader = Lecteur
user-role-auditor = Auditeur
account-title = Mon compte
account-username = Identifiant
account-display-name = Nom
account-role = Rôle
account-party = Partie
account-organisation = Organisme
account-clearance = Habilitation
account-password-title = Changer mon mot de passe
account-password-current = Mot de passe actuel
account-password-new = Nouveau mot de passe
account-password-confirm = Nouveau mot de passe (confirmation)
account-password-submit = Changer le mot de passe
account-password-changed = Votre mot de passe a été changé.
account-password-wrong = Ce n'est pas votre mot de passe actuel.
password-too-short =
    { $count ->
        [one] Le mot de passe est trop court : un caractère au moins.
       *[other] Le mot de passe est trop court : { $count } caractères au moins.
    }
password-too-long = Le mot de passe est trop long.
password-mismatch = Les deux mots de passe diffèrent.
account-password-refused = mot de passe refusé :
account-user-refused = utilisateur refusé :
password-hint =
    { $count ->
        [one] Un caractère au moins.
       *[other] { $count } caractères au moins. Une phrase de plusieurs mots se retient le mieux.
    }
account-totp-title = Connexion en deux étapes
account-totp-on = La connexion en deux étapes est activée : après le mot de passe, un code de votre application d'authentification est demandé.
account-totp-off = La connexion en deux étapes est désactivée. Activez-la pour qu'un mot de passe volé ne suffise pas à ouvrir votre compte.
account-totp-enable = Activer la connexion en deux étapes
account-totp-disable = Désactiver la connexion en deux étapes
account-totp-disable-code = Code actuel de votre application d'authentification
account-totp-disabled = La connexion en deux étapes a été désactivée.
totp-enrol-title = Activer la connexion en deux étapes
totp-enrol-scan = Scannez ce code QR avec votre application d'authentification (FreeOTP, Aegis, Google Authenticator…).
totp-enrol-qr-alt = Code QR pour ajouter ce compte à une application d'authentification
totp-enrol-secret = Si vous ne pouvez pas le scanner, saisissez cette clé dans l'application :
totp-enrol-code = Code affiché par l'application
totp-enrol-submit = Valider et activer
totp-enrol-cancel = Annuler
totp-code-wrong = Ce code n'est pas valide. Vérifiez l'heure de votre téléphone et saisissez le code actuel.
totp-codes-title = Codes de secours
totp-codes-enabled = La connexion en deux étapes est activée.
totp-codes-help = Conservez ces codes de secours en lieu sûr, loin de votre téléphone. Chacun sert une seule fois, à la place d'un code de l'application. Ils ne sont affichés qu'une fois.
totp-codes-done = Je les ai conservés : retour à mon compte
admin-users-title = Utilisateurs
admin-users-new = Nouvel utilisateur
admin-users-none = Aucun utilisateur pour l'instant.
admin-audit-head = Tête du journal d'audit (conservez-la hors du serveur ; `taawun check --expect-head` la comparera plus tard) :
admin-user-new-title = Nouvel utilisateur
admin-user-edit-title = Modifier l'utilisateur
admin-user-username = Identifiant
admin-user-username-hint = Lettres minuscules, chiffres, point, tiret et tiret bas ; de 2 à 64 caractères.
admin-user-username-fixed = L'identifiant ne peut pas être modifié.
admin-user-username-invalid = Utilisez de 2 à 64 lettres minuscules, chiffres, points, tirets ou tirets bas.
admin-user-username-taken = Cet identifiant est déjà pris.
admin-user-display-name = Nom
admin-user-party = Partie
admin-user-organisation = Organisme
admin-user-organisation-none = Aucun
admin-user-person = Personne du registre
admin-user-person-none = Aucune
admin-user-person-hint = Un chef de délégation adopte le procès-verbal connecté avec un compte lié à sa personne. Les personnes de la partie sont proposées une fois la partie du compte choisie.
admin-user-role = Rôle
admin-user-clearance = Habilitation
admin-user-commissions = Commissions
admin-user-commissions-hint = Les commissions mixtes dont cet utilisateur modifie les travaux (rôle secrétariat).
admin-user-active = Compte actif
admin-user-active-hint = Un compte désactivé ne peut plus se connecter ; il est conservé pour l'historique.
admin-user-status = État
admin-user-active-yes = actif
admin-user-active-no = désactivé
admin-user-totp = Connexion en deux étapes
admin-yes = oui
admin-no = non
admin-user-choose = Choisissez une valeur.
admin-user-password = Mot de passe
admin-user-password-confirm = Mot de passe (confirmation)
admin-user-create = Créer l'utilisateur
admin-user-save = Enregistrer
admin-user-created = L'utilisateur a été créé.
admin-user-saved = Les modifications ont été enregistrées.
admin-user-has-errors = Le formulaire comporte des erreurs ; voyez les champs signalés ci-dessous.
admin-user-conflict = Quelqu'un d'autre a modifié cet utilisateur entre-temps. Rechargez la page pour voir ses changements, puis refaites les vôtres.
admin-user-grant-refused = Vous ne pouvez ni accorder une habilitation supérieure à la vôtre, ni gérer un compte habilité au-dessus de vous, ni élargir votre propre compte (rôle, partie, commissions ou habilitation plus haute). Un autre administrateur doit s'en charger.
admin-user-reset-title = Réinitialiser le mot de passe
admin-user-reset-submit = Définir ce mot de passe
admin-user-reset-done = Le mot de passe a été réinitialisé. Transmettez-le à l'utilisateur par un moyen sûr.

## Classification, historique, recherche (issue 3)
marking-banner = Classification
marking-unclassified = Non classifié
marking-restricted = Diffusion restreinte
marking-confidential = Confidentiel
marking-secret = Secret
releasable-originator = Diffusion réservée à : { $party }
marking-originator-only = réservé à l'émetteur
history-link = Historique
history-title = Historique
history-none = Aucune modification enregistrée.
history-hidden = non affiché à votre niveau d'habilitation
history-unchanged = Aucun champ modifié.
history-empty-value = (vide)
history-action-create = Création
history-action-update = Modification
history-action-set_password = Mot de passe défini
history-action-set_second_factor = Connexion en deux étapes modifiée
history-action-use_recovery_code = Code de secours utilisé
col-when = Date
col-who = Auteur
col-change = Modifications
col-field = Champ
col-old = Avant
col-new = Après
pager-previous = Précédent
pager-next = Suivant
pager-sessions = Autres sessions de cette commission
pager-items = Autres actions de ce plan
search-label = Rechercher
search-submit = Rechercher
search-title = Recherche
search-prompt = Saisissez un ou plusieurs mots : noms, titres, codes, dans l'une des trois langues.
search-results =
    { $count ->
        [one] { $count } résultat
       *[other] { $count } résultats
    }
search-none = Aucun résultat.
col-kind-record = Type
col-result = Résultat
entity-party = Partie
entity-organisation = Organisme
entity-rank = Grade
entity-person = Personne
entity-area = Domaine de coopération
entity-agreement = Accord
entity-clause = Article
entity-commission = Commission mixte
entity-session = Session
entity-action_plan = Plan d'action
entity-action_item = Action
entity-progress_update = Point d'avancement
entity-activity = Activité
entity-user = Utilisateur

## Formulaires (saisie des enregistrements)
form-save = Enregistrer
form-add-rows = Ajouter des lignes
form-cancel = Annuler
form-has-errors = Rien n'a été enregistré : le formulaire comporte des erreurs. Corrigez les champs indiqués ci-dessous.
form-none = — aucun —
form-row = N° { $count }
form-choose = { $field } : choisissez une valeur.
form-required = { $field } : obligatoire.
form-required-text = { $field } : obligatoire dans au moins une langue.
form-too-long = { $field } : trop long ({ $max ->
        [one] { $max } caractère
       *[other] { $max } caractères
    } au plus).
form-out-of-range = { $field } : saisissez un nombre entier de { $min } à { $max }.
form-bad-number = { $field } : saisissez un nombre.
form-bad-date = { $field } : saisissez une date au format AAAA-MM-JJ.
form-bad-choice = { $field } : ce choix n'est pas proposé.
form-protection = Protection
form-marking = Classification
form-releasability = Communicable à
form-releasability-hint = Votre partie est enregistrée comme partie d'origine.
releasability-all_parties = Toutes les parties
releasability-originator_only = La partie d'origine seulement
conflict-title = Quelqu'un d'autre a enregistré cette fiche entre-temps
conflict-intro = Cette fiche a été modifiée après l'ouverture du formulaire : vos modifications n'ont pas été enregistrées. Comparez les deux versions ci-dessous.
conflict-reload = Recharger la version actuelle et refaire vos modifications
conflict-field = Champ
conflict-yours = Votre version
conflict-stored = Version enregistrée
conflict-version = version
conflict-nothing-saved = Votre version n'est affichée qu'ici : copiez ce dont vous avez besoin avant de recharger.
form-person-new = Nouvelle personne
form-person-edit = Modifier la personne
form-organisation-new = Nouvel organisme
form-organisation-edit = Modifier l'organisme
form-agreement-new = Nouvel accord
form-agreement-edit = Modifier l'accord
form-clause-new = Nouvel article
form-clause-edit = Modifier l'article
form-commission-new = Nouvelle commission mixte
form-commission-edit = Modifier la commission mixte
form-session-new = Nouvelle session
form-session-edit = Modifier la session
form-delegations = Modifier les délégations
form-agenda = Modifier l'ordre du jour
form-decisions = Modifier les décisions
form-statements = Modifier les allocutions
form-side-events = Modifier les activités en marge
form-plan-new = Nouveau plan d'action
form-plan-edit = Modifier le plan d'action
form-item-new = Nouvelle action
form-item-edit = Modifier l'action
form-progress-new = Signaler l'avancement
form-activity-new = Nouvelle activité
form-activity-edit = Modifier l'activité
form-title = Titre
form-summary = Résumé
form-in-force-on = Date d'entrée en vigueur
form-ended-on = Date de fin
form-duration-months = Durée initiale (mois)
form-link-kind = Relation
form-number = Numéro
form-heading = Intitulé
form-text = Texte
form-example = Exemple (inventé pour la démonstration)
form-ordinal = Numéro de la session
form-start-on = Date de début
form-end-on = Date de fin
form-person = Personne
form-precedence = Ordre de préséance
form-members = Membres
form-agenda-item = Point de l'ordre du jour
form-decision = Décision
form-speaker = Orateur
form-occasion = Circonstance
form-event-kind = Type d'activité
form-description = Description
form-event-party = Délégation participante
form-indicator-name = Intitulé de l’indicateur
form-indicator-unit = Unité
form-reported-on = Date du point
form-reporting-side = Partie qui rend compte
form-host-organisation = Organisme d'accueil
form-count = Nombre de participants
form-acronym = Sigle
form-due-on = Échéance
form-lead-for = Chef de file, côté { $party }
form-delegation-of = Délégation { $party }
action-edit = Modifier
action-add-clause = Ajouter un article
action-add-session = Ajouter une session
action-add-plan = Ajouter un plan d'action
action-add-item = Ajouter une action
action-add-progress = Signaler l'avancement
action-add-activity = Ajouter une activité
action-edit-delegations = Délégations
action-edit-agenda = Ordre du jour
action-edit-decisions = Décisions
action-edit-statements = Allocutions
action-edit-side-events = Activités en marge
history-field-releasability = Diffusion
history-field-originator = Partie émettrice
field-origin = origine
field-adoptions = adoptions des chefs
history-field-example = Exemple
history-field-precedence = Ordre protocolaire
action-new-agreement = Nouvel accord
action-new-commission = Nouvelle commission mixte
action-new-organisation = Nouvel organisme
action-new-person = Nouvelle personne
form-party-new = Nouvelle partie
form-party-edit = Modifier la partie
form-iso-hint = Deux lettres majuscules de la norme ISO 3166 (MA, ML) ; obligatoire pour un État.
form-rank-new = Nouveau grade
form-rank-edit = Modifier le grade
form-rank-label = Intitulé du grade
form-nato-code = Code OTAN
form-nato-code-hint = OF-1 à OF-10 pour les officiers, OR-1 à OR-9 pour les sous-officiers et militaires du rang, ou OF-D.
form-area-new = Nouveau domaine de coopération
form-area-edit = Modifier le domaine de coopération
form-area-code = Code
form-area-code-hint = Un code stable en lettres minuscules, chiffres, traits d'union ou tirets bas (formation).
action-new-party = Nouvelle partie
action-new-rank = Nouveau grade
action-new-area = Nouveau domaine de coopération
vocab-parties-title = Parties
vocab-parties-none = Aucune partie enregistrée.
vocab-ranks-title = Grades
vocab-ranks-none = Aucun grade enregistré.
vocab-areas-title = Domaines de coopération
vocab-areas-none = Aucun domaine de coopération enregistré.
vocab-col-actions = Actions
admin-vocabularies = Référentiels communs
admin-user-second-factor-title = Désactiver la connexion en deux étapes
admin-user-second-factor-help = Pour un utilisateur qui a perdu son téléphone et ses codes de secours : la clé de son application d'authentification et ses codes de secours sont supprimés ; il se connecte avec son seul mot de passe jusqu'à ce qu'il réactive la connexion en deux étapes depuis son compte.
admin-user-second-factor-submit = Désactiver la connexion en deux étapes de cet utilisateur
admin-user-second-factor-done = La connexion en deux étapes de cet utilisateur a été désactivée. Demandez-lui de la réactiver depuis son compte.
search-site = Rechercher dans le site

# Report à la session suivante (ticket 4)
action-prepare-next-session = Préparer la prochaine session
next-session-title = Préparer la { $session }
next-session-proposal-title = Ordre du jour proposé pour la { $session }
next-session-intro = Toutes les actions encore ouvertes des sessions précédentes, par domaine, avec l'état de chaque partie.
form-agenda-carried-hint = Décochez les actions qui ne seront pas examinées sous ce point.
next-session-readonly = Seuls le secrétariat de la commission et les administrateurs peuvent confirmer cet ordre du jour.
next-session-none = Aucune action ouverte à reporter.
next-session-agenda-line = Suivi du plan d'action : { $area }
form-agenda-carried = Actions examinées sous ce point
agenda-carried-over = Actions reportées
item-side-state = { $party } : { $status }, { $percent }
item-due-on = échéance le { $date }
col-sides = État de chaque partie
# Rappels et notifications (ticket 4)
nav-notifications = Notifications
notifications-unread =
    { $count ->
        [one] { $count } non lue
       *[other] { $count } non lues
    }
notifications-title = Notifications
notifications-intro = Rappels des actions arrivant à échéance ou en retard, et des dates fixées par les accords, pour le travail que vous suivez.
notifications-none = Aucune notification.
notifications-mark-all-read = Tout marquer comme lu
notifications-new = nouvelle
notice-kind-item_due_soon = Échéance proche
notice-kind-item_overdue = En retard
notice-kind-agreement_enters_into_force = Entrée en vigueur
notice-kind-agreement_expires = Expiration
notice-kind-agreement_notice_date = Date limite de préavis
notice-line-item_due_soon = L'action { $record } arrive à échéance le { $date }.
notice-line-item_overdue = L'action { $record } devait être réalisée le { $date } et ne l'est pas.
notice-line-agreement_enters_into_force = { $record } entre en vigueur le { $date }.
notice-line-agreement_expires = { $record } expire le { $date }.
notice-line-agreement_notice_date = Le { $date } est le dernier jour pour donner préavis sur { $record }.
mail-subject =
    { $count ->
        [one] Taawun : 1 rappel
       *[other] Taawun : { $count } rappels
    }
mail-greeting = Bonjour { $name },
mail-intro = Voici ce qui demande votre attention dans le suivi de vos travaux :
mail-footer = Vous recevez ces rappels en raison de votre rôle dans Taawun. Ils figurent aussi sur votre page Notifications.
admin-user-email = Adresse électronique
admin-user-email-hint = Les rappels y sont envoyés lorsque le serveur dispose d'un relais SMTP. Laissez vide pour les seules notifications dans l'application.
admin-user-email-invalid = Saisissez une adresse électronique comme nom@exemple.org.
admin-user-language = Langue des courriels
admin-user-language-default = Par défaut (français)
col-reminder = Rappel
col-about = Objet
next-session-link = Ordre du jour proposé pour la prochaine session

# Tableaux de bord, liste d'actions, chronologie et suivi d'une action (ticket 4)
nav-dashboard = Tableau de bord
dashboard-link = Tableau de bord du suivi
dashboard-title = Tableau de bord du suivi
dashboard-scope-all = Tout ce que vous pouvez voir
dashboard-as-of = Situation au
dashboard-summary = Mise en œuvre
dashboard-total = Actions
dashboard-done = Réalisées
dashboard-open = En cours ou prévues
dashboard-cancelled = Annulées
dashboard-rate-done = Part réalisée
dashboard-rate-weighted = Avancement moyen
dashboard-due30 = à échéance sous 30 jours
dashboard-due90 = à échéance sous 90 jours
dashboard-overdue = en retard
dashboard-at-risk = à risque
dashboard-by-side = Par partie
dashboard-by-area = Par domaine de coopération
dashboard-by-lead = Par chef de file
dashboard-side = Partie
dashboard-hidden-group = Non communiqué
dashboard-group-top = Les { $shown } qui comptent le plus d’actions, sur { $total }.
dashboard-group-all = Afficher les { $total }
dashboard-group-fewer = N’afficher que les { $shown } qui comptent le plus d’actions
dashboard-chart-desc = Part des actions réalisées et avancement moyen, hors actions annulées.
dashboard-days-late =
    { $count ->
        [one] { $count } jour de retard
       *[other] { $count } jours de retard
    }
dashboard-in-days =
    { $count ->
        [0] aujourd'hui
        [one] dans { $count } jour
       *[other] dans { $count } jours
    }
dashboard-list-overdue = Actions en retard
dashboard-list-at-risk = Actions à risque
dashboard-list-due-soon = Échéances des 90 prochains jours
dashboard-note = Observation
dashboard-see-all = Les voir toutes
dashboard-deadlines = Dates des accords dans les 90 prochains jours
dashboard-deadlines-none = Aucun accord n'entre en vigueur, n'expire ni n'atteint sa date limite de préavis dans les 90 prochains jours.
dashboard-deadline = Échéance
dashboard-when = Dans
deadline-enters_into_force = Entrée en vigueur
deadline-expires = Expiration
deadline-notice_date = Date limite de préavis
item-list-title = Actions comptées
item-list-scope = Tableau de bord
item-list-show = Critère
item-list-show-all = Toutes les actions, y compris annulées
item-list-show-counted = Actions non annulées
item-list-show-done = Réalisées
item-list-show-open = Ouvertes (ni réalisées ni annulées)
item-list-show-cancelled = Annulées
item-list-show-overdue = En retard
item-list-show-at_risk = À risque, pas encore en retard
item-list-show-due30 = Ouvertes, à échéance sous 30 jours
item-list-show-due90 = Ouvertes, à échéance sous 90 jours
item-list-show-side-done = Réalisées pour cette partie
item-list-back = Retour au tableau de bord
pager-pages = Pages de la liste
risk-behind = en retard sur le calendrier : { $expected } attendus à ce jour, { $actual } déclarés
risk-silent =
    { $count ->
        [one] aucune mise à jour depuis { $count } jour
       *[other] aucune mise à jour depuis { $count } jours
    }
side-own-status = État propre
side-last-report = Dernier compte rendu
side-no-report = Aucun compte rendu
joint-status = État conjoint
assessment-title = Appréciation
assessment-expected = Attendu à ce jour
assessment-overdue = En retard
assessment-at-risk = À risque
cancel-reason = Motif de l'annulation
indicator-direction = Sens
indicator-no-values = Aucune valeur mesurée pour l'instant.
indicator-series = Valeur par trimestre
indicator-period = Trimestre
indicator-achievement = Chemin parcouru vers la cible
direction-higher_is_better = Plus c'est élevé, mieux c'est
direction-lower_is_better = Plus c'est bas, mieux c'est
timeline-link = Chronologie
timeline-title = Chronologie
timeline-quarter = T{ $quarter } { $year }
timeline-planned = Période prévue
timeline-actual = Déroulement réel
timeline-today = Aujourd'hui
timeline-since = depuis le { $date }
timeline-not-started = Pas commencée
timeline-desc = Période prévue (du début à l'échéance) et déroulement réel (du premier compte rendu à l'achèvement, ou à aujourd'hui) de chaque action, par domaine ; nous sommes le { $today }.
timeline-table = Dates prévues et réelles de chaque action
form-cancel-title = Annulation par le secrétariat
form-cancel-choice = Annuler cette action ?
form-cancel-keep = Non annulée : l'état suit les comptes rendus des deux parties
form-cancel-yes = Annulée
form-cancel-hint = L'annulation met fin au travail conjoint sur cette action pour les deux parties et ne peut être défaite. Indiquez le motif dans au moins une langue.
notifications-example = Exemple : les rappels que recevrait aujourd'hui un agent du secrétariat de ces commissions — actions bientôt dues ou en retard, et dates fixées par les accords. Connectez-vous pour voir les vôtres.

## Documents
doc-downloads = Documents
doc-minutes = Procès-verbal de la session (PDF)
doc-report = Rapport d'état du plan d'action (PDF)
doc-agreement-text = Texte de l'accord (PDF)
doc-layout = Langues
doc-layout-ar-fr = Arabe ‖ français, côte à côte
doc-layout-ar = Arabe
doc-layout-fr = Français
doc-layout-en = Anglais
doc-archival = Copie d'archivage (PDF/A-2b)
doc-download = Télécharger

## Exports and long work
nav-exports = Exports
exports-title = Exporter les listes
exports-intro = Chaque liste se télécharge en classeur Excel ou en CSV, dans votre langue, avec seulement ce que vous êtes autorisé à voir.
exports-list = Liste
exports-xlsx = Classeur Excel (.xlsx)
exports-csv = CSV
exports-download = Télécharger :
export-agreements = Accords
export-sessions = Sessions
export-items = Actions des plans d'action
export-progress = Points d'avancement
export-activities = Activités
export-people = Personnes
export-col-title = Intitulé
job-reading = Lecture des enregistrements : { $count }
job-writing = Écriture : { $done } lignes sur { $total }
job-finished = Terminé.
job-failed = Le travail n'a pas pu aboutir. Rien n'a été modifié ; réessayez ou prévenez l'administrateur.
job-refreshes = Cette page se met à jour toute seule.
job-continue = Continuer

## Import
import-title = Importer des actions depuis un tableur
import-intro = Envoyez un classeur Excel (.xlsx) ou un fichier CSV dont la première ligne nomme les colonnes. Vous verrez comment chaque colonne sera lue et les problèmes de chaque ligne avant que rien ne soit enregistré ; les lignes sont enregistrées toutes ensemble ou pas du tout.
import-file = Fichier à importer
import-file-hint = .xlsx ou .csv, 10 Mo et 20 000 lignes au plus. Une liste d'actions exportée depuis Taawun se réimporte telle quelle.
import-read = Lire le fichier
import-mapping-title = Colonnes et champs
import-column = Colonne
import-field = Champ
import-examples = Exemples
import-ignore-column = (ignorer cette colonne)
import-check-again = Vérifier à nouveau
import-problems-title = Problèmes à corriger
import-nothing-until-clean = Rien ne sera importé tant qu'une ligne a un problème. Corrigez le fichier et renvoyez-le, ou changez la correspondance des colonnes.
import-row = Ligne
import-problem = Problème
import-sample-title = Aperçu des actions à créer
import-back = Retour au plan d'action
import-job = Import des actions
import-choose-file = Choisissez un fichier à importer.
import-unreadable-upload = Le fichier n'a pas pu être reçu. Réessayez.
import-upload-expired = Ce fichier n'est plus disponible (il a expiré ou a déjà été importé). Envoyez-le à nouveau.
import-row-failed = Rien n'a été importé : la ligne { $row } a été refusée. { $why }
import-rows = { $count ->
    [0] aucune ligne
    [one] { $count } ligne
   *[other] { $count } lignes
}
import-problems = { $count ->
    [0] aucun problème
    [one] { $count } problème
   *[other] { $count } problèmes
}
import-more-problems = { $count ->
    [one] … et { $count } autre problème.
   *[other] … et { $count } autres problèmes.
}
import-commit = { $count ->
    [one] Importer { $count } action
   *[other] Importer les { $count } actions
}
import-done = { $count ->
    [one] { $count } action importée.
   *[other] { $count } actions importées.
}
import-offer = Importer des actions depuis un tableur

## Calendar feeds
calendar-title = Abonnements d'agenda
calendar-intro = Abonnez votre agenda (Outlook, Thunderbird, agenda du téléphone) aux sessions, activités, échéances des actions et dates des accords. Chaque adresse est secrète et ne montre que ce que vous êtes autorisé à voir ; révoquez-la si elle a pu être communiquée.
calendar-mine = Mon agenda Taawun
calendar-unavailable = Commission non disponible
calendar-created = Abonnement créé. Copiez cette adresse dans votre agenda : elle ne sera plus affichée.
calendar-address = Adresse de l'abonnement
calendar-secret = Quiconque connaît cette adresse voit cet agenda : gardez-la pour vous.
calendar-new = Nouvel abonnement
calendar-scope = Agenda
calendar-create = Créer l'adresse d'abonnement
calendar-feeds = Vos abonnements
calendar-none = Aucun abonnement pour l'instant.
calendar-made = Créé le
calendar-revoked = Révoqué le
calendar-revoke = Révoquer
calendar-due = Échéance : { $item }
calendar-offer = S'abonner à l'agenda de la commission
account-calendar = Abonnements d'agenda

## Status report and agreement text
report-total = Actions
report-done = Réalisées
report-overdue = En retard
report-at-risk = À risque
report-rate = Taux de réalisation
report-rate-weighted = Avancement pondéré
doc-signed-on = Signé le { $date }
doc-signed-at = Signé à { $place } le { $date }

## Field names inside rule messages (the last meaningful segment of a record's field path)
field-minutes = procès-verbal
field-preamble = préambule
field-conclusions = conclusions
field-next_session = prochaine session
field-original_langs = langues des originaux
field-name = nom
field-short_name = nom court
field-iso_code = code ISO
field-acronym = sigle
field-parent_id = organisme parent
field-label = libellé
field-nato_code = code OTAN
field-name_ar = nom en arabe
field-name_latin = nom en caractères latins
field-aliases = autre graphie
field-function = fonction
field-organisation_id = organisme
field-rank_id = grade
field-code = code
field-title = titre
field-summary = résumé
field-renewal_terms = conditions de renouvellement
field-party_ids = parties
field-party_id = partie
field-reference = référence
field-status = statut
field-signed_on = date de signature
field-in_force_on = date d'entrée en vigueur
field-ended_on = date de fin
field-links = liens
field-text = texte
field-heading = intitulé
field-number = numéro
field-mandate = mandat
field-co_chair_ids = coprésident
field-place = lieu
field-ordinal = numéro de session
field-start_on = date de début
field-end_on = date de fin
field-due_on = échéance
field-host_party_id = partie hôte
field-members = membres de la délégation
field-person_id = personne
field-description = description
field-percent = pourcentage d'avancement
field-narrative = commentaire
field-baseline = valeur de référence
field-target = cible
field-indicator_actual = valeur atteinte
field-cancel_reason = motif d'annulation
field-item_ids = actions
field-notice_months = préavis en mois
field-email = adresse électronique
field-direction = sens d'amélioration
field-leads = chefs de file
field-display_name = nom affiché
field-username = identifiant
field-password = mot de passe
field-originator = partie émettrice

## Rule messages: $field is the field's name above, with its position when in a list
rule-required = { $field } : obligatoire dans au moins une langue.
rule-too-long = { $field } : trop long ({ $max ->
    [one] { $max } caractère
   *[other] { $max } caractères
} au plus).
rule-too-short = { $field } : trop court ({ $min ->
    [one] { $min } caractère
   *[other] { $min } caractères
} au moins).
rule-end-before-start = { $field } : ne peut pas précéder la date de début.
rule-due-before-start = { $field } : ne peut pas précéder la date de début.
rule-date-before = { $field } : ne peut pas précéder la { $other }.
rule-date-missing = { $field } : obligatoire pour ce statut.
rule-percent-out-of-range = { $field } : doit être compris entre 0 et 100.
rule-not-positive = { $field } : doit valoir 1 ou plus.
rule-ordinal-taken = { $field } : cette commission a déjà une session portant ce numéro.
rule-duplicate = { $field } : en double.
rule-too-few-parties = { $field } : au moins deux parties distinctes sont requises.
rule-member-of-other-party = { $field } : cette personne n'appartient pas à la partie de la délégation.
rule-party-not-in-commission = { $field } : n'est pas partie à cette commission.
rule-lead-not-of-plan-party = { $field } : le chef de file doit relever d'une partie du plan.
rule-duplicate-side = { $field } : cette partie figure deux fois.
rule-missing-side = { $field } : un chef de file est requis pour chaque partie.
rule-two-heads = { $field } : une délégation n'a qu'un chef.
rule-organisation-of-other-party = { $field } : relève d'une autre partie.
rule-bad-iso-code = { $field } : deux lettres majuscules requises pour un État (ex. ML).
rule-transition = { $field } : passage impossible de « { $from } » à « { $to } ».
rule-not-a-lead-party = { $field } : cette partie n'est pas chef de file de cette action.
rule-only-when-cancelled = { $field } : ne s'indique que pour une action annulée.
rule-cancelled-by-secretariat = { $field } : une partie ne peut pas annuler l'action ; l'annulation est décidée par le secrétariat, motif à l'appui.
rule-unknown = { $field } : valeur inconnue ou invalide.
rule-minutes-adopted = { $field } : le procès-verbal est adopté et signé ; son texte, et la session dont il est tiré, ne changent que dans une nouvelle version.
rule-minutes-adoption = { $field } : cette adoption ne correspond pas au procès-verbal : chaque délégation adopte une seule fois une version adoptée de ce procès-verbal, avec son empreinte.
rule-partners-record = { $field } : cet enregistrement vient de l'instance de l'autre partie ; seul votre côté (votre délégation, votre organisme chef de file) peut être modifié ici.
rule-minutes-scan-missing = { $field } : joignez le scan des originaux signés par les deux chefs de délégation avant de marquer le procès-verbal adopté.
# The states a transition message names (agreements' lifecycle and items' status).
rule-state-draft = projet
rule-state-signed = signé
rule-state-in_force = en vigueur
rule-state-expired = expiré
rule-state-terminated = dénoncé
rule-state-superseded = remplacé
rule-state-planned = prévu
rule-state-in_progress = en cours
rule-state-on_hold = suspendu
rule-state-done = réalisé
rule-state-cancelled = annulé

## Import: the fields a column can fill (also the items export's headers), and row problems
import-field-code = Code
import-field-title = Titre ({ $language })
import-field-description = Description ({ $language })
import-field-area = Domaine de coopération
import-field-lead = Chef de file — { $party }
import-field-start-on = Date de début
import-field-due-on = Échéance
import-field-language-ar = arabe
import-field-language-fr = français
import-field-language-en = anglais
import-problem-unmapped-title = Aucune colonne n'est associée au titre, obligatoire dans au moins une langue.
import-problem-unmapped = Aucune colonne n'est associée au champ « { $field } », qui est obligatoire.
import-problem-missing-title = Le titre est vide ; il doit être renseigné dans au moins une langue.
import-problem-missing-lead = Le chef de file pour la partie { $party } n'est pas indiqué.
import-problem-missing = Le champ « { $field } » est vide alors qu'il est obligatoire.
import-problem-bad-date = La date « { $value } » n'est pas valide ; formats acceptés : 15/03/2026 ou 2026-03-15.
import-problem-bad-date-in-column = La date « { $value } » de la colonne « { $column } » n'est pas valide ; formats acceptés : 15/03/2026 ou 2026-03-15.
import-problem-unknown-organisation = Organisme inconnu « { $value } » pour la partie { $party }.
import-problem-organisation-of-other-party = L'organisme « { $value } » relève d'une autre partie, pas de la partie { $party }.
import-problem-unknown-area = Le domaine de coopération « { $value } » est inconnu.
import-problem-duplicate-code = Le code « { $code } » figure plusieurs fois dans le fichier.
import-problem-code-taken = Le code « { $code } » est déjà attribué à une action de ce plan.

## Spreadsheets that cannot be read ($size is in MB, written as a string)
sheet-error-too-large = Le fichier est trop volumineux : { $size } Mo au maximum.
sheet-error-too-many-rows = Le fichier compte plus de { $max ->
    [one] { $max } ligne
   *[other] { $max } lignes
}. Répartissez-les en plusieurs fichiers.
sheet-error-too-many-columns = Le fichier compte plus de { $max ->
    [one] { $max } colonne
   *[other] { $max } colonnes
}.
sheet-error-empty = Le fichier ne contient aucune ligne sous la ligne d'en-tête.
sheet-error-not-a-spreadsheet = Ce fichier n'est pas un tableur. Envoyez un fichier .xlsx ou .csv.
sheet-error-damaged = Ce tableur est illisible : le fichier est endommagé ou incomplet. Enregistrez-le à nouveau puis renvoyez-le.
sheet-error-not-utf8 = L'encodage de ce fichier n'est pas pris en charge. Enregistrez-le au format « CSV UTF-8 » puis renvoyez-le.
sheet-error-unpacks-too-large = Une fois décompressé, ce fichier dépasse { $size } Mo de contenu, bien plus qu'un plan d'action n'en demande. Supprimez les feuilles et la mise en forme inutiles, ou répartissez-le en plusieurs fichiers.
sheet-error-too-many-cells = Le fichier compte plus de { $max ->
    [one] { $max } cellule
   *[other] { $max } cellules
}, en comptant les cellules vides entre les valeurs. Ne gardez que les lignes et colonnes à importer.
sheet-error-too-slow = La lecture de ce fichier a pris trop de temps et a été interrompue. Envoyez un fichier plus petit ou répartissez-le en plusieurs fichiers.
sheet-error-old-or-protected = Ce fichier est au format Excel 97–2003 (.xls) ou protégé par un mot de passe. Enregistrez-le comme classeur .xlsx sans mot de passe puis renvoyez-le.
import-busy = Le serveur lit en ce moment d'autres tableurs. Patientez quelques secondes, puis renvoyez votre fichier.

# Import that updates: an exported sheet names each item by id and version.
import-field-id = Identifiant
import-field-version = Version
import-problem-duplicate-id = L'identifiant « { $id } » figure plusieurs fois dans le fichier.
import-problem-version-conflict = L'action { $code } a été modifiée depuis l'export (version { $yours } dans le fichier, { $stored } enregistrée) : exportez à nouveau le plan et refaites ce changement.
import-count-new = { $count ->
    [one] { $count } nouvelle action
   *[other] { $count } nouvelles actions
}
import-count-changed = { $count ->
    [one] { $count } action modifiée
   *[other] { $count } actions modifiées
}
import-count-unchanged = { $count ->
    [one] { $count } ligne inchangée
   *[other] { $count } lignes inchangées
}
import-nothing-to-change = Le fichier ne change rien : chaque ligne correspond à l'action telle qu'elle est enregistrée.
import-commit-changes = Enregistrer ces changements
import-updated = { $count ->
    [one] { $count } action mise à jour.
   *[other] { $count } actions mises à jour.
}
import-changes-title = Ce que l'import va enregistrer
import-change = Changement
import-change-new = Nouvelle
import-change-new-unmatched = Nouvelle (son identifiant ne désigne aucune action de ce plan)
import-change-changed = Modifiée : { $fields }
import-changed-meanwhile = Cette action a été modifiée par quelqu'un d'autre pendant l'import ; relisez le fichier et vérifiez-le à nouveau.

# Minutes (procès-verbal): the document's sentences (see i18n/src/minutes.rs for the articles
# and ordinals the variables already carry) and the minutes pages.
minutes-title = Procès-verbal de la { $ordinal }
minutes-preamble = À l'invitation { $host }, la { $ordinal } { $commission } s'est tenue à { $place } { $dates }.
minutes-dates-span = du { $from } au { $to }
minutes-dates-day = le { $day }
minutes-between = Entre { $first } et { $second }
minutes-delegation-of = Délégation { $party }
minutes-head-of = Chef de la délégation { $party }
minutes-lang-ar = arabe
minutes-lang-fr = française
minutes-lang-en = anglaise
minutes-originals-one = en langue { $a }
minutes-originals-two = en langues { $a } et { $b }, les deux textes faisant également foi
minutes-originals-three = en langues { $a }, { $b } et { $c }, les trois textes faisant également foi
minutes-closing = Fait à { $place }, le { $date }, en deux exemplaires originaux, { $originals }.
minutes-draft = PROJET
minutes-adopted-hash = Version { $version } adoptée le { $date } — SHA-256 : { $hash }
minutes-heading = Procès-verbal
minutes-status-draft = Projet, version { $version }
minutes-status-adopted = Adopté, version { $version }
minutes-print = Version imprimable
minutes-edit = Préambule et prochaine session
minutes-adopt = Marquer comme adopté
minutes-adopt-hint = Quand les deux chefs de délégation ont signé les originaux papier. Le texte est alors figé : le modifier demandera une nouvelle version.
minutes-adopt-heading = Adopter ce procès-verbal
minutes-scan-step = Joignez le scan des originaux papier signés par les deux chefs de délégation.
minutes-scan = Scan signé
minutes-scan-none = Aucun scan signé n’est encore joint à cette version.
minutes-scan-choose = Scan du procès-verbal signé (PDF ou image)
minutes-adopt-step = Marquez cette version adoptée : elle renverra au scan ci-dessus.
minutes-revise = Commencer une nouvelle version
minutes-revise-hint = Le texte adopté reste consultable tel qu'il a été signé.
minutes-versions = Versions adoptées
minutes-version-line = Version { $version }, adoptée le { $date } par { $who }
minutes-hash = Empreinte SHA-256 du texte adopté
record-from-partner = Enregistré sur l’instance de { $partner }, celle de l’autre partie : il est tenu tel que cette instance l’envoie, et seul votre côté (votre délégation, votre organisme chef de file) peut être modifié ici.
minutes-pdf-adoptions = Adopté par les chefs de délégation, chacun sur l'instance de sa partie, qui a signé l'adoption
minutes-pdf-adoption = Pour { $party } : { $who }, { $when }. Clé de l'instance { $key }. SHA-256 { $hash }
minutes-heads-heading = Adoption par les chefs de délégation
minutes-heads-none = Aucun chef de délégation n'a encore adopté ce procès-verbal sur une instance.
minutes-heads-hint = En tant que chef de votre délégation, vous adoptez la version en vigueur pour votre partie. Confirmez avec le code actuel de votre application d'authentification ; cette instance signe votre adoption et l'envoie à celle de l'autre partie.
minutes-head-line = { $party } : { $who }, { $when }, version { $version }
minutes-head-key = Empreinte de la clé de l'instance signataire
minutes-head-code = Code d'authentification
minutes-head-adopt = Adopter la version { $version } en tant que chef de délégation
minutes-both = Adopté par les deux parties : version { $version }
minutes-head-check-valid = signature vérifiée
minutes-head-check-unknown-key = non signé par une clé que cette instance connaît pour cette partie
minutes-head-check-bad-signature = la signature ne correspond pas
minutes-head-check-no-longer-matching = ne correspond plus au procès-verbal tenu ici
adoption-refused-no-identity = Ce serveur n'a pas d'identité d'échange pour signer l'adoption ; demandez à l'administrateur d'exécuter « taawun exchange init ».
adoption-refused-other-party = Cette instance parle pour une autre partie : adoptez sur l'instance de votre partie.
adoption-refused-no-person = Votre compte n'est lié à aucune personne du registre ; demandez à l'administrateur de le lier.
adoption-refused-not-head = Seul le chef de la délégation de votre partie à cette session adopte son procès-verbal.
adoption-refused-not-adopted = Aucune version de ce procès-verbal n'est adoptée et en vigueur.
adoption-refused-already = Votre partie a déjà adopté cette version.
adoption-refused-second-factor = Le code d'authentification n'est pas le bon (ou votre compte n'a pas de second facteur) : rien n'a été adopté.
minutes-back = Retour à la session
minutes-conclusions = Conclusions
minutes-carried = Actions reportées
minutes-next-session = Prochaine session
minutes-preamble-heading = Préambule
form-minutes = Modifier le procès-verbal
form-minutes-preamble = Préambule (ajouté après la phrase d'ouverture)
form-minutes-next-session = Prochaine session
form-minutes-langs = Langues des originaux signés
form-minutes-langs-hint = Nommées dans la formule finale ; au moins une.
form-agenda-conclusions = Conclusions arrêtées
# Fichiers joints aux enregistrements (ticket 13).
files-title = Fichiers
files-none = Aucun fichier joint.
files-name = Fichier
files-purpose = Nature
files-size = Taille
files-uploaded = Déposé
files-sha256 = SHA-256
files-version = Version
files-older = Versions antérieures
files-download = Télécharger
files-add = Joindre un fichier
files-choose = Fichier
files-accepted = PDF, images (PNG, JPEG, TIFF, WebP) et documents bureautiques (Word, Excel, PowerPoint, OpenDocument), jusqu’à 50 Mo.
files-attach-button = Joindre
files-replace = Remplacer par une nouvelle version
files-replace-button = Déposer la nouvelle version
files-purge = Purger (fichier mal classé)
files-purge-reason = Motif (conservé dans le journal d’audit)
files-purge-button = Purger définitivement
files-purge-reason-required = Indiquez le motif de la purge : il est conservé dans le journal d’audit.
files-purged = La version du fichier a été purgée. Le journal d’audit conserve qui, quand, pourquoi et son SHA-256.
files-bytes = { $size } octets
file-purpose-signed_minutes = Procès-verbal signé
file-purpose-signed_agreement = Accord signé
file-purpose-communique = Communiqué de presse
file-purpose-supporting = Pièce justificative
file-purpose-emblem = Emblème
file-refused-empty = Choisissez un fichier à joindre.
file-refused-too-large = Ce fichier dépasse { $size } Mo. Envoyez un fichier plus petit (un scan à 300 dpi en noir et blanc est bien plus léger).
file-refused-not-accepted = Ce type de fichier n’est pas accepté. Joignez un PDF, une image (PNG, JPEG, TIFF, WebP) ou un document bureautique (Word, Excel, PowerPoint, OpenDocument).
file-refused-damaged = Ce document est endommagé ou protégé par un mot de passe et ne peut pas être vérifié. Enregistrez-le de nouveau sans mot de passe et renvoyez-le.
file-refused-bomb = Ce document se décompresse en bien plus qu’il ne pèse et a été refusé. Enregistrez-le de nouveau depuis son application et renvoyez-le.
file-refused-scanner = Le fichier a été refusé par l’antivirus de cette installation.
file-refused-scanner-failed = L’antivirus n’a pas pu vérifier ce fichier, qui n’a donc pas été conservé. Réessayez plus tard ou prévenez votre administrateur.
file-refused-not-an-emblem = Un emblème doit être une image PNG ou JPEG ; rien n’a été enregistré.
history-action-attach_file = Fichier joint
history-action-replace_file = Nouvelle version d’un fichier
history-action-purge_file = Fichier purgé
files-back = Retour à l’enregistrement
files-of-report = Fichiers du point d’avancement

## Qui a changé quoi (ticket 14, partie 9)
nav-changes = Derniers changements
changes-title = Derniers changements
changes-intro = Qui a créé ou modifié quoi, et quand, du plus récent au plus ancien : les fiches que vous pouvez voir.
changes-none = Aucun changement à afficher.
changes-older = Changements plus anciens
changes-newest = Changements les plus récents
changes-show = Afficher
changes-show-all = Toutes les fiches
changes-show-progress = Points d'avancement
changes-show-items = Actions
changes-on-item = sur
col-what = Modification
notice-kind-update_requested = Point demandé
notice-line-update_requested = Le secrétariat demande un point d'avancement sur l'action { $record } (demande du { $date }).
history-action-request_update = Point d'avancement demandé
item-ask-title = Demander un point d'avancement
item-ask-intro = Les rédacteurs du chef de file de cette partie sont avertis dans l'application et par courriel.
item-ask-button = Demander un point à { $party }
item-ask-done = { $count ->
    [0] Personne du côté de { $party } ne peut voir cette action : aucune demande n'a été envoyée.
    [one] { $count } rédacteur de { $party } a reçu la demande.
   *[other] { $count } rédacteurs de { $party } ont reçu la demande.
}
item-ask-again = La demande a déjà été faite aujourd'hui à { $party }.
history-value-yes = Oui
history-value-no = Non
history-minutes-draft = Projet
history-minutes-adopted = Adopté
account-arabic-dates-title = Dates en arabe
account-arabic-dates-intro = Comment les pages écrivent les dates quand vous les lisez en arabe : les noms des mois diffèrent entre le Maroc et le Machrek.
account-arabic-dates-label = Noms des mois
account-arabic-dates-default = Comme les écrit cette installation
account-arabic-dates-ma = Usage marocain
account-arabic-dates-none = Usage du Machrek (arabe générique du CLDR)
account-arabic-dates-save = Enregistrer

## The exchange between instances (issue 16)
exchange-refused-not-an-envelope = Ce fichier n’est pas un lot d’échange Taawun.
exchange-refused-newer-format = Ce lot a été écrit par une version plus récente de Taawun : mettez cette instance à jour pour le lire.
exchange-refused-other-receiver = Ce lot est adressé à une autre instance.
exchange-refused-unknown-sender = Ce lot vient d’une instance, ou porte la signature d’une clé, qui n’est pas enregistrée ici.
exchange-refused-revoked-sender = Ce lot vient d’un partenaire dont la clé a été révoquée.
exchange-refused-cannot-decrypt = Ce lot ne s’ouvre pas avec la clé de cette instance : il a été modifié, ou chiffré pour une autre clé.
exchange-refused-bad-signature = La signature de ce lot ne correspond pas à la clé du partenaire : il a été modifié.
exchange-refused-out-of-order = Ce lot ne suit pas le dernier lot appliqué : un lot précédent manque.
exchange-refused-replayed = La place de ce lot dans la chaîne est déjà prise par un autre lot : c’est un rejeu, ou le partenaire a restauré une sauvegarde.
exchange-refused-broken-chain = Ce lot ne désigne pas le dernier lot appliqué comme son prédécesseur.
exchange-refused-not-its-record = Ce lot modifie un enregistrement qui n’appartient pas au partenaire.
exchange-refused-above-clearance = Ce lot contient un enregistrement au-dessus de l’habilitation convenue avec le partenaire.
exchange-refused-bad-record = Ce lot contient un enregistrement que cette instance ne peut pas accepter.
history-action-exchange_partner = Partenaire d’échange enregistré
history-action-exchange_partner_change = Partenaire d’échange modifié
history-action-exchange_revoke = Partenaire d’échange révoqué
history-action-exchange_send = Lot envoyé à un partenaire
history-action-exchange_receive = Lot reçu d’un partenaire
history-action-exchange_resume = Échange repris après une divergence
exchange-refused-fork = Ce lot prend la place d’un autre déjà appliqué, après le même prédécesseur : le partenaire a restauré une sauvegarde. Son administrateur reprend l’échange (taawun exchange resync).
exchange-refused-missing-file = Un fichier que nomme ce lot n’est pas venu avec lui, ou n’est pas le contenu qu’il nomme : rien n’a été appliqué. Importez le lot avec son répertoire de fichiers (FICHIER.files), ou tirez-le par HTTPS.
history-action-exchange_match = Enregistrement du partenaire rapproché

## The exchange page (issue 16)
nav-exchange = Échanges
exchange-title = Échanges avec les instances partenaires
exchange-own = Cette instance
exchange-own-none = Cette instance n’a pas encore d’identité d’échange : un administrateur la lui donne sur le serveur (taawun exchange init).
exchange-instance = Instance
exchange-fingerprint = Empreinte
exchange-partners = Partenaires
exchange-partners-none = Aucun partenaire n’est enregistré.
exchange-partner = Partenaire
exchange-party = Partie
exchange-clearance = Habilitation convenue
exchange-state = État
exchange-state-active = Actif
exchange-state-revoked = Révoqué
exchange-last-out = Dernier lot envoyé
exchange-last-in = Dernier lot appliqué
exchange-none = aucun
exchange-download = Télécharger le lot suivant
exchange-upload = Un fichier de lot ou d’accusé d’un partenaire
exchange-upload-button = Importer
exchange-choose-file = Choisissez un fichier de lot ou d’accusé.
exchange-matches = Enregistrements du partenaire à rapprocher
exchange-matches-none = Aucun enregistrement du partenaire n’attend d’être rapproché.
exchange-match-kind = Nature
exchange-theirs = L’enregistrement du partenaire
exchange-ours = Le nôtre
exchange-decision = Le même ?
exchange-confirm = Le même
exchange-decline = Pas le même
exchange-matched = Décision enregistrée.
exchange-match-gone = Cet enregistrement a déjà fait l’objet d’une décision.
exchange-log = Journal
exchange-log-none = Rien n’a encore été échangé.
exchange-log-when = Quand
exchange-log-direction = Sens
exchange-log-kind = Quoi
exchange-log-seq = N°
exchange-log-outcome = Vérification
exchange-log-key = Signé par la clé
exchange-dir-out = Envoyé
exchange-dir-in = Reçu
exchange-kind-bundle = Lot
exchange-kind-receipt = Accusé
exchange-outcome-sent = Envoyé, en attente de l’accusé
exchange-outcome-applied = Vérifié et appliqué
exchange-outcome-refused = Refusé
exchange-outcome-acknowledged = Accusé par le partenaire
exchange-result-applied = Lot { $seq } appliqué : { $records } enregistrements.
exchange-result-already = Ce lot était déjà appliqué : rien n’a changé.
exchange-result-receipt = Accusé enregistré.
exchange-receipt-download = Télécharger l’accusé à renvoyer
exchange-nothing-to-send = Rien n’a changé depuis le dernier lot : il n’y a rien à envoyer.
history-action-exchange_resolve = Conflit d’échange tranché
exchange-conflicts = Modifications en conflit
exchange-conflicts-none = Aucune modification n’attend de décision.
exchange-conflict-record = Enregistrement
exchange-conflict-ours = Notre version
exchange-conflict-theirs = La version du partenaire
exchange-conflict-keep = Garder
exchange-keep-ours = La nôtre
exchange-keep-theirs = Celle du partenaire
exchange-resolved = Décision enregistrée ; les deux versions restent consignées.
item-ask-forwarded = { $party } a sa propre instance : la demande y part avec le prochain échange, et ses éditeurs y sont avertis.
