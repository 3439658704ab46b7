# Groupes : accueil, pages de groupe, ententes, ressources, pages du personnel, échanges privés.

home-groups-title = Vos groupes
home-no-groups = Vous ne faites encore partie d’aucun groupe. Les personnes animatrices qui vous ont invité·e peuvent vous y ajouter.
home-unread = { $count ->
    [one] 1 nouveau message
   *[other] { $count } nouveaux messages
}
home-needs-agreement = Veuillez lire les ententes
home-you-facilitate = Vous animez
home-organisations-title = Organismes que vous dirigez

group-not-yet-open = Ce groupe n’est pas encore ouvert. Vous pouvez déjà lire ses ententes et ses ressources.
group-ended = Ce groupe est terminé. Tout reste lisible, mais on ne peut plus rien ajouter.
group-accept-first = Avant de lire et d’écrire ici, veuillez lire les ententes du groupe et les accepter.
group-read-agreements = Lire les ententes
group-about = À propos de ce groupe
group-purpose = Objectif
group-facilitation = Comment il est animé
group-schedule = Quand
group-from = Du { $date }
group-until = jusqu’au { $date }
group-open-ended = Sans date de fin.
group-agreements-link = Ententes
group-resources-link = Ressources
group-check-in-link = Écrire en privé aux personnes animatrices
group-leave-link = Quitter ce groupe
group-staff-nav = Animation
group-staff-members = Membres
group-staff-settings = Paramètres du groupe
group-staff-agreements = Modifier les ententes
group-staff-resources = Modifier les ressources
group-staff-check-in = Prendre des nouvelles d’un·e membre

agreements-title = Ententes
agreements-changed = Les personnes animatrices ont modifié les ententes depuis que vous les avez acceptées.
agreements-added = Nouveau ou modifié :
agreements-removed = Retiré :
agreements-accept-label = J’ai lu ces ententes et je m’engage à les respecter.
agreements-accept-submit = Accepter et continuer
agreements-tick-box = Veuillez cocher la case pour accepter les ententes.
agreements-changed-meanwhile = Les ententes ont changé pendant votre lecture. Veuillez lire cette version et l’accepter.
agreements-edit-title = Modifier les ententes
agreements-edit-hint = Markdown. Enregistrer une modification demande à chaque membre de relire et d’accepter les ententes, avec les changements affichés.

leave-title = Quitter le groupe
leave-explain = Vous ne verrez plus ce groupe. Ce que vous avez publié y reste. Les personnes animatrices peuvent vous inviter de nouveau.
leave-confirm-label = Oui, je veux quitter { $group }.
leave-submit = Quitter le groupe
leave-tick-box = Veuillez cocher la case pour confirmer.

resources-title = Ressources
resources-empty = Aucune ressource n’a encore été ajoutée.
resources-edit-link = Modifier cette page
resources-instance-link = Ressources pour tout le monde sur ce site
resources-edit-title = Modifier les ressources
resources-edit-hint = Markdown : services locaux, lignes d’écoute, conseils de sécurité. Les liens mènent hors de ce site.

edit-back = Retour
edit-preview-title = Aperçu
edit-body-label = Texte
edit-preview = Aperçu
edit-save = Enregistrer
markdown-too-long = Ce texte est trop long (20 000 caractères au maximum).
markdown-empty = Veuillez d’abord écrire quelque chose.

organisations-title = Organismes
organisations-none = Aucun organisme pour l’instant.
organisations-create-title = Nouvel organisme
organisations-name-label = Nom
organisations-lead-label = Sa personne responsable
organisations-lead-hint = Le pseudonyme d’un compte existant. Invitez d’abord la personne si elle n’en a pas.
organisations-create-submit = Créer l’organisme
organisation-name-invalid = Veuillez donner un nom de 80 caractères au maximum.
organisation-name-taken = Un organisme porte déjà ce nom.
organisation-groups-title = Groupes
organisation-no-groups = Aucun groupe pour l’instant.
organisation-staff-title = Personnel
organisation-add-staff-title = Ajouter du personnel ou changer un rôle
organisation-staff-pseudonym-label = Pseudonyme
organisation-staff-hint = Le pseudonyme d’un compte existant.
organisation-role-label = Rôle
organisation-add-staff-submit = Enregistrer
organisation-new-group-title = Nouveau groupe
organisation-new-group-submit = Créer le groupe
staff-pseudonym-unknown = Aucun compte n’a ce pseudonyme.
staff-role-invalid = Veuillez choisir un rôle.
staff-role-lead = responsable
staff-role-facilitator = animation

group-name-label = Nom
group-slug-label = Nom court pour les liens
group-slug-hint = De 3 à 40 lettres minuscules, chiffres et traits d’union, p. ex. cercle-du-mardi. Il apparaît dans les adresses.
group-starts-label = Ouvre le (facultatif)
group-ends-label = Se termine le (facultatif)
group-dates-hint = Format 2026-01-31. Laissez les deux vides pour un groupe sans date de fin. Après la fin, le groupe est en lecture seule.
group-facilitators-legend = Personnes animatrices
group-slug-invalid = Veuillez donner un nom court de 3 à 40 lettres minuscules, chiffres et traits d’union.
group-slug-taken = Un autre groupe utilise déjà ce nom court.
group-text-invalid = Veuillez remplir le nom (80 caractères au maximum), l’objectif et la façon dont il est animé (2 000 caractères au maximum).
group-date-invalid = Veuillez écrire les dates sous la forme 2026-01-31.
group-dates-order = La date de fin doit suivre la date d’ouverture.
group-facilitator-needed = Veuillez choisir au moins une personne animatrice.
group-settings-title = Paramètres du groupe
group-edit-window-label = Les membres peuvent modifier leurs messages pendant (minutes)
group-edit-window-hint = De 0 à 10080 (une semaine). Les personnes animatrices peuvent toujours modifier.
group-edit-window-invalid = Veuillez donner un nombre de minutes de 0 à 10080.
group-member-messages-label = Permettre aux membres de s’écrire en privé dans ce groupe (désactivé sauf si vous l’activez; les personnes animatrices ne peuvent pas lire ces conversations)

members-title = Membres
members-none = Aucun·e membre pour l’instant.
members-joined = arrivé·e le { $date }
members-not-agreed = n’a pas accepté les ententes actuelles

check-ins-title = Échanges privés
check-ins-explain = Des conversations privées avec les personnes animatrices d’un groupe. Seules vous et ces personnes pouvez les lire.
check-ins-none = Aucune conversation pour l’instant. Vous pouvez écrire aux personnes animatrices depuis la page de chacun de vos groupes.
check-ins-mine = Avec les personnes animatrices
check-ins-staff = Avec des membres des groupes que vous animez
check-ins-new = nouveau
check-in-former-member = ancien·ne membre
check-in-new-title = Écrire aux personnes animatrices
check-in-new-explain = Seules les personnes animatrices de ce groupe liront ceci.
check-in-new-staff-title = Prendre des nouvelles d’un·e membre
check-in-new-staff-explain = Seul·e ce ou cette membre et les personnes animatrices du groupe liront ceci.
check-in-member-label = Membre
check-in-member-choose = Choisir un·e membre
check-in-subject-label = Sujet
check-in-body-label = Message
check-in-send = Envoyer
check-in-title = Échange privé
check-in-between = Entre { $pseudonym } et les personnes animatrices
check-in-facilitator = animation
check-in-reply-label = Votre réponse
check-in-body-empty = Veuillez écrire un message.
check-in-body-too-long = Ce message est trop long (20 000 caractères au maximum).
check-in-member-needed = Veuillez choisir un·e membre du groupe.
check-in-subject-invalid = Veuillez donner un sujet de 120 caractères au maximum.
group-message-member-link = Écrire en privé à un·e autre membre
message-new-title = Écrire à un·e autre membre
message-new-explain = Vous seul·es lirez cette conversation; les personnes animatrices ne le peuvent pas. Si quelqu’un vous met mal à l’aise, dites-le aux personnes animatrices.
message-private-between = Une conversation privée entre deux membres. Les personnes animatrices ne peuvent pas la lire.
message-with = avec { $pseudonym }
check-in-closed = On ne peut plus ajouter de messages à cette conversation.
