# Hearth : français (Canada). Chaque clé doit aussi exister dans ../en/main.ftl.

## Mise en page
skip-to-content = Aller au contenu
quick-exit = Sortie rapide
footer-quick-exit = Pour partir vite, utilisez « Sortie rapide » en haut de chaque page, ou appuyez trois fois sur Maj.
nav-label = Principal
nav-home = Accueil
nav-account = Compte
nav-invites = Invitations
nav-search = Rechercher
nav-notifications = Notifications
nav-unread = non lues
nav-check-ins = Échanges privés
nav-organisations = Organismes
footer-resources = Ressources : services d’aide et lignes d’écoute
sign-out = Se déconnecter

## Champs
field-pseudonym = Pseudonyme
field-password = Mot de passe
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-recovery-code = Code de récupération

## Connexion
sign-in-title = Se connecter
sign-in-submit = Se connecter
sign-in-forgot = Mot de passe oublié?
sign-in-invite-only = Cet espace est sur invitation seulement. Pour vous joindre, il vous faut un lien d’invitation de l’organisme qui l’anime.
sign-in-failed = Ce pseudonyme et ce mot de passe ne correspondent pas. Vérifiez-les et réessayez.

## Accueil
home-title = Accueil
home-signed-in-as = Vous êtes connecté·e sous le nom { $pseudonym }.
home-previous-sign-in = Avant celle-ci, la dernière connexion à votre compte date du { $time }. Si ce n’était pas vous, changez votre mot de passe dans les paramètres de votre compte.
home-first-sign-in = C’est la première connexion à votre compte.
home-account-link = Paramètres du compte

## Inscription
join-consent-title = Avant de vous joindre
join-consent-intro = Prenez le temps de lire ce que cet espace conserve à votre sujet et qui peut le voir. C’est vous qui décidez de vous joindre.
join-stored-title = Ce que nous conservons
join-never-title = Ce que nous ne demandons ni ne conservons jamais
join-never-stored = Votre vrai nom, votre adresse courriel, votre numéro de téléphone, votre emplacement ou votre adresse Internet (IP). Rien n’est envoyé à d’autres entreprises : aucune publicité, aucun pistage, aucune statistique.
join-who-title = Qui peut voir quoi
join-who-members = Les membres d’un groupe voient votre pseudonyme et ce que vous écrivez dans ce groupe.
join-who-staff = Les personnes qui animent le groupe (le personnel de l’organisme) voient la même chose et peuvent modérer les messages pour garder le groupe sécuritaire.
join-who-admin = La personne qui gère ce serveur peut voir la liste des pseudonymes, mais pas votre mot de passe.
join-device-title = Sur cet appareil
join-device = Si quelqu’un d’autre utilise cet appareil, utilisez une fenêtre de navigation privée, ne laissez pas le navigateur enregistrer votre mot de passe et utilisez « Sortie rapide » si vous devez partir vite.
join-consent-agree = J’ai lu ces informations et j’accepte de me joindre.
join-consent-required = Cochez la case pour indiquer que vous acceptez avant de continuer.
join-continue = Continuer
join-account-title = Choisissez votre pseudonyme et votre mot de passe
join-pseudonym-hint = De 3 à 32 caractères : lettres, chiffres, espaces, - _ ou . — pas votre vrai nom, ni un nom que vous utilisez ailleurs.
join-password-hint = Au moins 12 caractères. Quelques mots sans lien entre eux sont faciles à retenir et difficiles à deviner. Vous pouvez coller votre mot de passe.
join-create = Créer mon compte

## Règles du pseudonyme et du mot de passe
pseudonym-too-short = Un pseudonyme doit compter au moins 3 caractères.
pseudonym-too-long = Un pseudonyme peut compter au plus 32 caractères.
pseudonym-bad-character = Un pseudonyme ne peut contenir que des lettres, des chiffres, des espaces et les signes - _ et .
pseudonym-reserved = Ce pseudonyme pourrait être confondu avec celui d’un membre du personnel. Choisissez-en un autre.
pseudonym-taken = Ce pseudonyme, ou un pseudonyme qui lui ressemble beaucoup, est déjà pris. Choisissez-en un autre.
password-too-short = Un mot de passe doit compter au moins 12 caractères.
password-too-long = Un mot de passe peut compter au plus 128 caractères.
password-guessable = Ce mot de passe serait facile à deviner. Essayez quelques mots sans lien entre eux.
password-guessable-common = Beaucoup de gens utilisent ce mot de passe, alors il est essayé en premier. Essayez quelques mots sans lien entre eux.
password-guessable-pattern = Ce mot de passe suit un motif (touches voisines, répétitions ou suites) facile à deviner. Essayez quelques mots sans lien entre eux.
password-guessable-date = Les dates et les années sont faciles à deviner. Essayez quelques mots sans lien entre eux.
password-guessable-words = Un seul mot ou un seul nom est facile à deviner, même légèrement modifié. Essayez quelques mots sans lien entre eux.
password-current-wrong = Votre mot de passe actuel n’est pas le bon.
password-changed = Votre mot de passe a été changé. Vos autres sessions ont été déconnectées.

## Invitations
invite-unusable-title = Cette invitation ne peut pas être utilisée
invite-unusable = Ce lien d’invitation a peut-être déjà été utilisé, est peut-être expiré ou a peut-être été retiré. Demandez-en un nouveau à la personne qui vous l’a donné.
invites-title = Invitations
invites-new-link = Nouveau lien d’invitation. Copiez-le maintenant : il ne sera plus affiché.
invites-create-title = Créer une invitation
invites-expires-label = Valide pendant
invites-days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
invites-note-label = Note pour le personnel (facultatif)
invites-note-hint = Pour qui est l’invitation, en des mots que seul le personnel comprendra. N’écrivez pas de vrai nom.
invites-create-submit = Créer l’invitation
invites-list-title = Invitations récentes
invites-none = Aucune invitation pour l’instant.
invites-col-created = Créée
invites-col-expires = Expire
invites-col-note = Note
invites-col-status = État
invites-col-action = Action
invites-revoke = Retirer
invite-status-active = En attente d’utilisation
invite-status-used = Utilisée
invite-status-expired = Expirée
invite-status-revoked = Retirée
invite-form-invalid = Choisissez la durée de validité de l’invitation et gardez la note sous 200 caractères.

## Codes de récupération
codes-title = Codes de récupération
codes-welcome = Bienvenue, { $pseudonym }. Votre compte est prêt.
codes-why = Il n’y a pas de courriel ici : ces codes sont votre moyen de revenir si vous oubliez votre mot de passe. Chacun ne fonctionne qu’une fois. Notez-les, ou gardez-les là où vous seul·e y avez accès, pas sur un appareil que quelqu’un d’autre utilise.
codes-once = Ces codes ne seront plus affichés.
codes-continue = J’ai gardé mes codes, continuer

## Récupération
recover-title = Mot de passe oublié
recover-intro = Entrez votre pseudonyme, un de vos codes de récupération et un nouveau mot de passe. Toutes les sessions de votre compte seront déconnectées.
recover-submit = Enregistrer mon nouveau mot de passe
recover-failed = Ce pseudonyme et ce code de récupération ne correspondent pas, ou le code a déjà été utilisé.
recover-done = Votre mot de passe a été changé et toutes les sessions ont été déconnectées. Vous pouvez vous connecter avec votre nouveau mot de passe.

## Paramètres du compte
settings-title = Paramètres du compte
settings-save = Enregistrer
settings-language-title = Langue
settings-language-label = Langue de ce site
settings-language-auto = La même que mon navigateur
settings-password-title = Changer votre mot de passe
settings-password-submit = Changer le mot de passe
settings-password-ends-sessions = Changer votre mot de passe déconnecte votre compte partout ailleurs.
settings-codes-left = { $count ->
    [one] Il vous reste { $count } code de récupération inutilisé.
   *[other] Il vous reste { $count } codes de récupération inutilisés.
}
settings-codes-submit = Créer de nouveaux codes (les anciens ne fonctionneront plus)

## Erreurs
error-title = Nous n’avons pas pu faire cela
error-go-home = Aller à la page d’accueil
error-reference = Si cela se reproduit, donnez cette référence aux personnes qui gèrent cet espace : { $id }
error-not-found = Il n’y a rien à cette adresse.
error-bad-request = Quelque chose dans cette demande n’allait pas. Revenez en arrière et réessayez.
error-csrf = Ce formulaire est expiré ou ne vient pas de ce site. Revenez en arrière, rechargez la page et réessayez.
error-rate-limited = Il y a eu trop de tentatives. Attendez une minute, puis réessayez.
error-too-large = C’était trop long pour être envoyé. Raccourcissez le texte et réessayez.
error-internal = Un problème est survenu de notre côté. Vous n’y êtes pour rien. Réessayez dans un moment.

invites-groups-legend = Groupes que la personne rejoint
invites-groups-optional = Ne cochez rien pour une invitation sans groupe (par exemple pour du nouveau personnel).
invite-group-needed = Veuillez choisir au moins un groupe.
join-groups-title = Rejoindre ces groupes
join-groups-explain = Cette invitation vous ajoute à ces groupes, avec le compte avec lequel vous êtes connecté·e. Chaque groupe vous demandera d’abord d’accepter ses ententes.
join-groups-submit = Rejoindre avec ce compte
join-groups-other-account = Pour rejoindre avec un compte distinct, déconnectez-vous d’abord, puis ouvrez de nouveau l’invitation.
