# Modération : files d’attente, signalements, actions, confinement, rôles,
# partenaires, journal d’audit. Chaque clé doit aussi exister dans ../en/moderation.ftl.

## Journal d’audit
audit-title = Journal d’audit
audit-intro = Chaque action de l’équipe est inscrite ici : qui, quoi, sur quoi, quand et pourquoi. Personne ne peut modifier une entrée. Les entrées partent selon la conservation du groupe, et quand une personne efface son compte, celles qui la concernent restent sans son nom.
audit-filter-group = Groupe
audit-filter-actor = Membre de l’équipe
audit-filter-action = Action
audit-filter-any = Tous
audit-filter-submit = Afficher
audit-filter-clear = Tout afficher
audit-empty = Rien n’a encore été inscrit ici.
audit-col-when = Quand
audit-col-who = Qui
audit-col-what = Quoi
audit-col-on = Sur quoi
audit-col-reason = Raison
audit-older = Entrées plus anciennes
audit-former-account = Un ancien compte
audit-command-line = La ligne de commande du serveur
audit-target-gone = un élément qui n’existe plus
audit-target-post = un message dans « { $topic } »
audit-target-topic = le sujet « { $topic } »
audit-target-report = un signalement dans « { $topic } »
audit-target-invite = une invitation
audit-target-partnership = un organisme partenaire
audit-target-instance = toute l’instance
audit-detail-lead = responsable
audit-detail-facilitator = animation
audit-detail-remove = retrait
audit-detail-admin = administration
audit-detail-not-admin = fin de l’administration
audit-detail-action-taken = mesure prise
audit-detail-no-action = aucune mesure
audit-action-unknown = Une action
audit-action-organisation-created = A créé l’organisme
audit-action-organisation-settings-changed = A modifié les réglages de l’organisme
audit-action-staff-added = A ajouté une personne à l’équipe
audit-action-staff-removed = A retiré une personne de l’équipe
audit-action-role-change-requested = A demandé un changement de rôle
audit-action-role-change-confirmed = A confirmé un changement de rôle
audit-action-role-change-cancelled = A annulé un changement de rôle
audit-action-partnership-set = A réglé les invitations d’un organisme partenaire
audit-action-partnership-ended = A mis fin à un partenariat
audit-action-instance-resources-changed = A modifié les ressources de l’instance
audit-action-group-created = A créé le groupe
audit-action-group-settings-changed = A modifié les réglages du groupe
audit-action-moderation-settings-changed = A modifié les réglages de modération du groupe
audit-action-agreements-changed = A modifié les ententes
audit-action-resources-changed = A modifié les ressources du groupe
audit-action-group-locked-down = A confiné le groupe
audit-action-lockdown-lifted = A levé le confinement
audit-action-invite-created = A créé une invitation
audit-action-invite-revoked = A retiré une invitation
audit-action-member-approved = A accueilli une personne membre
audit-action-member-declined = A refusé une demande d’adhésion
audit-action-member-removed = A retiré une personne du groupe
audit-action-member-suspended = A suspendu une personne membre
audit-action-suspension-lifted = A levé une suspension
audit-action-member-banned = A banni une personne de l’instance
audit-action-ban-lifted = A levé un bannissement
audit-action-password-reset-issued = A créé un lien de réinitialisation du mot de passe
audit-action-staff-note-added = A ajouté une note d’équipe
audit-action-post-approved = A approuvé un message
audit-action-post-declined = A refusé un message
audit-action-post-hidden = A masqué un message
audit-action-post-unhidden = A réaffiché un message masqué
audit-action-post-redacted = A caviardé un message
audit-action-topic-pinned = A épinglé un sujet
audit-action-topic-unpinned = A désépinglé un sujet
audit-action-topic-locked = A verrouillé un sujet
audit-action-topic-unlocked = A déverrouillé un sujet
audit-action-topic-moved = A déplacé un sujet
audit-action-report-resolved = A traité un signalement
audit-action-group-privacy-changed = A modifié les options de confidentialité du groupe
audit-action-account-erased-on-request = A effacé un compte à la demande de la personne

## Commun aux actions de l’équipe
moderation-cancel = Annuler
moderation-note-label = Un mot pour la personne (facultatif; elle le lira)
moderation-note-too-long = Merci de vous en tenir à 1 000 caractères au plus.
moderation-reason-label = Raison (pour le journal d’audit; équipe seulement)
moderation-reason-required = Merci de donner une raison : l’auteur·e la lira.
moderation-approve-post = Approuver et publier
moderation-decline-post = Refuser
moderation-decline-note-label = Un mot pour l’auteur·e (facultatif) : quoi changer
moderation-hide-post = Masquer aux membres
moderation-unhide-post = Réafficher aux membres
moderation-redact-link = Caviarder
moderation-originals-link = Ce qu’il disait avant
moderation-author-link = La page de l’auteur·e
moderation-move-link = Déplacer vers un autre groupe
moderation-words-too-long = Une liste peut compter au plus 10 000 caractères.
moderation-words-entry-too-long = Chaque ligne peut compter au plus 100 caractères.

## Messages non publiés
held-label = En attente d’une personne animatrice
declined-label = Non publié
hidden-label = Masqué par l’équipe d’animation
declined-note = Le mot de l’équipe d’animation :
redacted-label = Modifié par l’équipe d’animation
held-reason-details = Pour l’instant, ce message n’est visible que par vous et l’équipe d’animation. Il semble contenir :
held-reason-details-edit = Si vous ne vouliez pas le partager, modifiez le message pour l’enlever et il paraîtra aussitôt. Sinon, une personne animatrice le lira bientôt.
held-reason-words = Il emploie des mots que l’équipe d’animation a demandé à lire d’abord. Une personne animatrice le lira bientôt.
held-reason-premoderation = Dans ce groupe, une personne animatrice lit les messages avant qu’ils paraissent. Pour l’instant, ce message n’est visible que par vous et l’équipe d’animation.
held-topic-label = En attente d’une personne animatrice
hidden-topic-label = Masqué par l’équipe d’animation
held-topic-explain = Les autres membres ne voient pas ce sujet.
held-topic-no-replies = Les réponses seront possibles une fois le sujet publié.
held-edit-phone = Vos changements semblent contenir un numéro de téléphone; ils n’ont donc pas été enregistrés. Enlevez-le, ou écrivez un nouveau message : l’équipe d’animation le lira d’abord.
held-edit-email = Vos changements semblent contenir une adresse courriel; ils n’ont donc pas été enregistrés. Enlevez-la, ou écrivez un nouveau message : l’équipe d’animation le lira d’abord.
held-edit-address = Vos changements semblent contenir une adresse ou un code postal; ils n’ont donc pas été enregistrés. Enlevez-les, ou écrivez un nouveau message : l’équipe d’animation le lira d’abord.
held-edit-handle = Vos changements semblent contenir un nom de réseau social; ils n’ont donc pas été enregistrés. Enlevez-le, ou écrivez un nouveau message : l’équipe d’animation le lira d’abord.
held-edit-profile-link = Vos changements semblent contenir un lien vers un profil; ils n’ont donc pas été enregistrés. Enlevez-le, ou écrivez un nouveau message : l’équipe d’animation le lira d’abord.
held-edit-words = Vos changements emploient des mots que l’équipe d’animation a demandé à lire d’abord; ils n’ont donc pas été enregistrés. Vous pouvez écrire un nouveau message.
held-edit-premoderation = Dans ce groupe, une personne animatrice lit les messages avant qu’ils paraissent; un message publié ne peut donc pas être changé. Vous pouvez écrire un nouveau message.
filter-detail-phone = un numéro de téléphone
filter-detail-email = une adresse courriel
filter-detail-address = une adresse ou un code postal
filter-detail-handle = un nom de réseau social
filter-detail-profile-link = un lien vers un profil

## Confinement
lockdown-banner = L’équipe d’animation a mis ce groupe en pause pour l’instant : pas de nouveaux messages ni de nouveaux membres pour le moment. Tout reste ici, et vous pouvez toujours écrire en privé à l’équipe d’animation.
lockdown-reply-note = Ce groupe est en pause pour l’instant; les réponses sont donc fermées.

## Ressources en cas de crise
support-title = Vous n’êtes pas seul·e
support-intro = Votre message est publié et l’équipe d’animation le verra bientôt. Si vous êtes en danger ou pensez à vous faire du mal, demandez de l’aide maintenant :
support-more = D’autres endroits où trouver de l’aide

## Signalements
report-post-link = Signaler ce message à l’équipe d’animation
report-topic-link = Signaler ce sujet à l’équipe d’animation

## Caviardage
redact-title = Caviarder un message
redact-explain = { $days ->
    [one] Changez ce que dit le message. L’auteur·e en est informé·e, avec votre raison. Ce qu’il disait avant reste visible pour l’équipe du groupe aussi longtemps que le message lui-même, et part avec lui : selon la durée de conservation du groupe, { $days } jour après l’écriture du message, ou plus tôt si son auteur·e le supprime.
   *[other] Changez ce que dit le message. L’auteur·e en est informé·e, avec votre raison. Ce qu’il disait avant reste visible pour l’équipe du groupe aussi longtemps que le message lui-même, et part avec lui : selon la durée de conservation du groupe, { $days } jours après l’écriture du message, ou plus tôt si son auteur·e le supprime.
}
redact-explain-unlimited = Changez ce que dit le message. L’auteur·e en est informé·e, avec votre raison. Ce qu’il disait avant reste visible pour l’équipe du groupe aussi longtemps que le message lui-même, et part avec lui quand son auteur·e le supprime.
redact-reason-label = Raison
redact-reason-hint = L’auteur·e lira ceci. Par exemple : « Nous avons retiré un numéro de téléphone pour votre sécurité. »
redact-submit = Enregistrer le message caviardé
originals-title = Ce que disait un message caviardé
originals-intro = Seule l’équipe du groupe voit cette page. Ce que disait le message part avec lui : quand son auteur·e le supprime ou efface son compte, ou selon la durée de conservation du groupe.
originals-none = Plus rien n’est conservé.
originals-when = Caviardé { $time }
originals-reason = Raison :
originals-show = Afficher ce qu’il disait
originals-purge = Ce message et ses originaux sont supprimés après le { $time }.

## Réglages de modération
moderation-settings-title = Réglages de modération
moderation-settings-invalid = Merci de choisir une des options.
moderation-approval-label = Les nouveaux membres ont besoin de l’accord d’une personne animatrice
moderation-approval-hint = Une personne qui utilise une invitation attend alors qu’une personne animatrice l’accueille. Elle voit entre-temps une page d’attente rassurante.
moderation-premoderation-legend = Quels messages une personne animatrice lit-elle avant qu’ils paraissent?
moderation-premoderation-none = Aucun
moderation-premoderation-new-members = Les premiers messages d’un nouveau membre
moderation-premoderation-all = Tous les messages
moderation-premoderation-posts-label = Combien de premiers messages (pour « les premiers messages d’un nouveau membre »)
moderation-premoderation-posts-invalid = Merci de donner un nombre de 1 à 20.
moderation-words-title = Listes de mots
moderation-words-group-hint = Un mot ou une expression par ligne; un * à la fin trouve le début d’un mot (suicid* trouve « suicidaire »). Ces listes s’ajoutent à celles de l’organisme.
moderation-words-organisation-hint = Un mot ou une expression par ligne; un * à la fin trouve le début d’un mot. Elles s’appliquent dans tous les groupes de l’organisme; chaque groupe peut ajouter les siennes.
moderation-crisis-words-label = Mots de crise
moderation-crisis-words-hint = Un message qui en contient un est publié, signalé comme urgent pour vous, et son auteur·e voit aussitôt les ressources du groupe.
moderation-crisis-words-organisation-hint = La liste de Hearth en anglais et en français pour commencer; adaptez-la aux besoins de votre organisme. Un message qui en contient un est publié, signalé comme urgent, et son auteur·e voit aussitôt les ressources du groupe.
moderation-hold-words-label = Mots à retenir
moderation-hold-words-hint = Un message qui en contient un attend une personne animatrice avant que quiconque d’autre le voie.
moderation-flag-words-label = Mots à signaler
moderation-flag-words-hint = Un message qui en contient un est publié, et signalé pour que vous le lisiez.
moderation-partner-approval-label = Les personnes invitées par des organismes partenaires ont besoin de l’accord d’une personne animatrice
moderation-partner-approval-hint = S’applique dans tous les groupes de l’organisme, quel que soit le réglage de chaque groupe.
audit-detail-none = aucune prémodération
audit-detail-new-members = premiers messages des nouveaux membres
audit-detail-all = tous les messages

## La file d’attente
queue-title = Modération
queue-filter-group = Groupe
queue-filter-all = Tous mes groupes
queue-filter-submit = Afficher
queue-tallies-label = Ce qui attend
queue-count-urgent = { $count ->
    [one] urgent
   *[other] urgents
}
queue-count-reports = { $count ->
    [one] autre signalement
   *[other] autres signalements
}
queue-count-held = { $count ->
    [one] message à relire
   *[other] messages à relire
}
queue-count-pending = { $count ->
    [one] personne qui attend d’entrer
   *[other] personnes qui attendent d’entrer
}
queue-oldest = en attente depuis { $time }
queue-waited = en attente depuis { $time }
queue-waited-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
queue-waited-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
queue-waited-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
queue-empty = Rien ne vous attend. Merci de prendre soin du groupe — et prenez soin de vous aussi.
queue-reports-title = Signalements
queue-urgent = Urgent
queue-flag-raised = Hearth a signalé ce message parce qu’il contient :
queue-reported-by = Signalé par { $pseudonym }.
queue-reported-by-former = Signalé par une ancienne personne membre.
queue-reporter-private = (Seule l’équipe voit qui a signalé; l’auteur·e n’en est jamais informé·e.)
queue-report-details = Cette personne a écrit :
queue-about-topic = Au sujet de
queue-about-post = Au sujet d’un message dans
queue-written-by = écrit par { $pseudonym }
queue-show-post = Afficher le message
queue-show-warned = Afficher le message (avertissement : { $warning })
queue-resolve = Traiter ce signalement
queue-resolve-legend = Qu’est-ce qui a été fait?
queue-outcome-action-taken = J’ai pris une mesure (masqué, caviardé, écrit à quelqu’un…)
queue-outcome-no-action = Aucune mesure n’était nécessaire
queue-resolve-note = Note (pour le journal d’audit)
queue-resolve-submit = Traiter
queue-held-title = Messages à relire
queue-held-topic = Nouveau sujet : { $topic }
queue-held-reply = Réponse dans { $topic }
queue-held-because = Retenu à cause de :
queue-held-words = un mot de vos listes
queue-held-premoderation = la prémodération
queue-open-in-topic = Ouvrir là où il a été écrit
queue-pending-title = Personnes qui attendent d’entrer
queue-invited-by = Invitée par { $pseudonym }
queue-invited-by-server = Invitée depuis la ligne de commande du serveur
queue-invited-through = par l’intermédiaire de { $organisation }
queue-invite-note = Note de l’invitation :
queue-pending-locked-down = Le groupe est confiné : l’accueil de nouvelles personnes attend qu’une ou un responsable lève le confinement.
queue-approve-member = Accueillir
queue-decline-member = Refuser
moderation-back = Retour
report-reason-unkind = Blessant ou nuisible
report-reason-identifying = Partage des détails qui identifient
report-reason-intruder = Je crois que c’est une personne intruse ou qui se fait passer pour une autre
report-reason-at-risk = Quelqu’un est peut-être en danger
report-reason-spam = Pourriel
report-reason-other = Autre chose
report-reason-crisis = Mots de crise
report-reason-words = Mots d’une liste de l’équipe

## La place d’une personne dans un groupe
member-waiting-tag = En attente de l’équipe d’animation
member-suspended-tag = En pause pour vous
lockdown-tag = En pause
member-waiting-title = Vous attendez l’équipe d’animation.
member-waiting-explain = L’équipe d’animation de ce groupe lit chaque demande d’adhésion. Elle vous accueillera bientôt, ou vous dira pourquoi pas. Vous n’avez rien à faire pour l’instant; vous trouverez sa réponse sur votre page de notifications.
member-waiting-agreements = Lire les ententes du groupe en attendant
member-waiting-withdraw = Retirer votre demande
suspension-notice = L’équipe d’animation a mis votre participation à ce groupe en pause jusqu’au { $time }.
suspension-notice-help = Vous pouvez toujours écrire en privé à l’équipe d’animation, et lire vos autres groupes.
group-staff-moderation = File de modération
group-staff-moderation-settings = Réglages de modération
sign-in-banned = Ce compte a été fermé par l’équipe d’animation. Si vous croyez que c’est une erreur, veuillez joindre l’organisme qui vous a invité·e.

## Avis
notice-title = De l’équipe d’animation
notice-open = Ouvrir
notice-note = Leur mot :
notice-member-approved = Vous êtes maintenant membre de { $group }.
notice-member-declined = L’équipe d’animation de { $group } n’a pas accepté votre demande d’adhésion.
notice-member-removed = Vous n’êtes plus membre de { $group }.
notice-suspended = L’équipe d’animation de { $group } a mis votre participation en pause pour un temps.
notice-post-approved = Votre message dans { $group } est maintenant publié :
notice-post-declined = L’équipe d’animation de { $group } vous a renvoyé votre message, à modifier avant sa publication :
notice-post-redacted = L’équipe d’animation de { $group } a modifié votre message :

## Signaler
report-post-title = Signaler un message
report-topic-title = Signaler un sujet
report-explain = Dites à l’équipe d’animation ce qui vous inquiète. Elle verra que c’est vous qui l’avez signalé; la personne qui l’a écrit ne saura pas qui.
report-reason-legend = Qu’est-ce qui ne va pas?
report-details-label = Autre chose que l’équipe d’animation devrait savoir
report-details-hint = Nécessaire si vous avez choisi « Autre chose ».
report-submit = Envoyer à l’équipe d’animation
report-reason-needed = Merci de choisir ce qui ne va pas.
report-details-needed = Merci de dire en quelques mots à l’équipe d’animation ce qui ne va pas.
report-sent = Merci. L’équipe d’animation va le regarder bientôt.
report-sent-urgent = Si quelqu’un est en danger en ce moment, composez le 911 (ou le numéro d’urgence de votre région).
report-back = Retour à la conversation

## Une personne membre, vue par l’équipe
member-back = Membres de { $group }
member-banned-tag = Bannie
member-banned-kept = Un compte banni est conservé, pseudonyme compris, pour que le nom ne puisse pas simplement être repris. Une fois le bannissement levé par une ou un responsable, le compte peut être effacé à la demande de la personne.
member-suspended-until = Suspendue dans ce groupe jusqu’au { $time }.
member-reset-link-intro = Voici un lien à usage unique pour choisir un nouveau mot de passe. Il fonctionne une fois, pendant 24 heures. Remettez-le en personne ou par un moyen auquel la personne fait déjà confiance; il ne sera plus affiché.
member-notes-title = Notes de l’équipe
member-notes-hint = Seule l’équipe de l’organisme les lit. Gardez-les courtes et factuelles.
member-notes-none = Aucune note pour l’instant.
member-note-label = Ajouter une note
member-note-submit = Ajouter la note
member-note-invalid = Une note demande quelques mots, et au plus 500 caractères.
member-actions-title = Actions
member-holds-power-note = Cette personne fait partie d’une équipe, ou administre l’instance. L’équipe d’un groupe ne peut pas la suspendre, la bannir ni réinitialiser son mot de passe : demandez à une ou un responsable, ou à l’administration.
member-holds-power = Cette personne fait partie d’une équipe, ou administre l’instance : demandez à une ou un responsable, ou à l’administration.
member-not-active = Cette personne attend encore d’entrer.
member-suspend = Suspendre dans ce groupe
member-suspend-days-label = Pour combien de temps
member-suspend-days = Merci de choisir une durée.
member-unsuspend = Lever la suspension
member-remove = Retirer du groupe
member-remove-explain = La personne quitte le groupe; ce qu’elle a écrit reste. Elle ne pourra revenir qu’avec une nouvelle invitation.
member-ban = Bannir de l’instance
member-ban-explain = La personne ne pourra plus se connecter et toutes ses sessions se terminent aussitôt, dans tous les groupes. Seule une ou un responsable peut lever un bannissement.
member-ban-confirm-label = Je veux bannir ce compte
member-ban-confirm = Merci de cocher la case pour confirmer le bannissement.
member-unban = Lever le bannissement
member-reset = Créer un lien de réinitialisation du mot de passe
member-reset-explain = Pour une personne qui a perdu son mot de passe et ses codes de récupération. Vous lui remettez le lien vous-même; il fonctionne une fois, pendant 24 heures, et déconnecte le compte partout.
member-reset-submit = Créer le lien

## Réinitialisation par lien
reset-title = Choisir un nouveau mot de passe
reset-intro = Ce lien permet à { $pseudonym } de choisir un nouveau mot de passe. Tous les appareils connectés au compte seront déconnectés.
reset-submit = Enregistrer le nouveau mot de passe
reset-unusable = Ce lien ne peut pas être utilisé : il a déjà servi, ou il a plus de 24 heures. Demandez-en un nouveau à l’équipe d’animation.

## Page du confinement
lockdown-title = Confiner le groupe
lockdown-explain = Quand une personne intruse hostile est dans le groupe, ou qu’un compte a peut-être été piraté. Aussitôt :
lockdown-effect-posts = les membres ne peuvent plus publier, répondre ni réagir (l’équipe le peut encore);
lockdown-effect-members = personne n’entre : les accueils attendent, et les invitations au groupe ne fonctionnent plus;
lockdown-effect-invites = toutes les invitations inutilisées au groupe sont retirées;
lockdown-effect-banner = les membres voient un avis rassurant indiquant que le groupe est en pause, et peuvent toujours vous écrire en privé.
lockdown-lift-explain = Seule une ou un responsable de l’organisme peut lever un confinement. Les deux sont inscrits au journal d’audit.
lockdown-lock = Confiner le groupe maintenant
lockdown-since = Ce groupe est confiné depuis { $time }.
lockdown-lift = Lever le confinement
lockdown-lift-lead-only = Une ou un responsable de l’organisme peut le lever.
group-staff-lockdown = Confinement

## Déplacer un sujet
move-title = Déplacer un sujet
move-explain = De { $group } vers un autre groupe de l’organisme que vous animez. Ses messages et ses signalements le suivent.
move-nowhere = Il n’y a pas d’autre groupe de cet organisme que vous animez.
move-group-label = Vers
move-submit = Déplacer le sujet
audit-action-role-changed = A changé son propre rôle

## Rôles
role-title = Rôles de l’équipe
role-not-allowed = Seule une ou un responsable de l’organisme, ou l’administration, peut faire cela.
role-last-lead = Un organisme garde toujours au moins une ou un responsable : nommez d’abord quelqu’un d’autre.
role-last-admin = L’instance garde toujours au moins une personne à l’administration : nommez d’abord quelqu’un d’autre.
role-already-admin = Ce compte administre déjà l’instance.
role-asked = C’est demandé. Une deuxième personne responsable de l’organisme (ou de l’administration) doit confirmer; d’ici là, rien ne change. Une demande expire après une semaine.
role-make-lead = Nommer responsable
role-make-facilitator = Nommer à l’animation
role-remove-staff = Retirer de l’équipe
role-requests-title = En attente d’une deuxième personne
role-requests-hint = Les changements qui donnent ou retirent les pouvoirs d’une ou d’un responsable, ou de l’administration, demandent une deuxième personne, pour qu’un seul compte piraté ne puisse pas prendre le contrôle.
role-requested-by = (demandé par { $pseudonym })
role-confirm = Confirmer
role-cancel = Annuler la demande
role-change-lead = Nommer { $pseudonym } responsable
role-change-facilitator = Faire passer { $pseudonym } de responsable à l’animation
role-change-remove = Retirer { $pseudonym } de l’équipe
role-change-admin = Confier l’administration à { $pseudonym }
role-change-not-admin = Retirer l’administration à { $pseudonym }
organisation-moderation-link = Réglages de modération
organisation-partners-link = Organismes partenaires
organisation-audit-link = Journal d’audit
admins-title = Administration
admins-intro = L’administration fait fonctionner le serveur et crée les organismes; elle ne lit pas les groupes. Ajouter ou retirer une personne à l’administration demande la confirmation d’une deuxième.
admins-you = vous
admins-remove = Retirer de l’administration
admins-step-down = Quitter l’administration
admins-add-title = Confier l’administration à quelqu’un
admins-add-hint = Un compte existant. Une deuxième personne de l’administration doit confirmer.
admins-add-submit = Demander de lui confier l’administration
nav-moderation = Modération

## Organismes partenaires
partner-title = Organismes partenaires
partner-intro = Permettez à un autre organisme de cette instance (une maison d’hébergement qui oriente des personnes, par exemple) d’inviter des gens dans certains de vos groupes, jusqu’à un nombre d’invitations. Son équipe ne voit jamais vos groupes ni vos files. Les réglages de modération disent si les personnes qu’il invite attendent votre accord.
partner-none = Aucun organisme partenaire pour l’instant.
partner-ended = Terminé
partner-quota-line = { $quota ->
    [one] { $quota } invitation permise
   *[other] { $quota } invitations permises
}
partner-made-line = { $made ->
    [one] { $made } créée
   *[other] { $made } créées
}
partner-used-line = { $used ->
    [one] { $used } utilisée
   *[other] { $used } utilisées
}
partner-no-groups = Aucun groupe choisi pour l’instant.
partner-end = Mettre fin au partenariat
partner-set-title = Donner des invitations à un partenaire
partner-no-organisations = Il n’y a pas encore d’autre organisme sur cette instance.
partner-organisation-label = Organisme partenaire
partner-quota-label = Combien d’invitations
partner-quota-hint = De 0 à 1 000. Une invitation retirée sans avoir servi revient au compte.
partner-groups-legend = Dans quels groupes
partner-set-submit = Enregistrer
partner-choose = Merci de choisir un organisme partenaire.
partner-quota-invalid = Merci de donner un nombre d’invitations de 0 à 1 000.
partner-invite-through = par l’intermédiaire de { $host }
partner-invite-left = { $left ->
    [one] { $left } invitation restante
   *[other] { $left } invitations restantes
}
partner-invite-mixed = Une invitation va soit dans vos propres groupes, soit dans les groupes d’un seul partenaire : merci de créer deux invitations.
partner-quota-used = Votre organisme a utilisé toutes les invitations que ce partenaire lui a données. Demandez-en d’autres à sa ou son responsable.
invites-made-by = créée par { $pseudonym }
home-queue-urgent = { $count ->
    [one] { $count } urgent
   *[other] { $count } urgents
}
home-queue-waiting = { $count ->
    [one] { $count } autre en attente
   *[other] { $count } autres en attente
}
