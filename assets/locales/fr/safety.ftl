# Hearth : français (Canada), sécurité et confidentialité. Chaque clé doit aussi exister dans ../en/safety.ftl.

## Mise en page
footer-safety = Rester en sécurité sur cet appareil
print-notice = Cette page ne peut pas être imprimée. Ce qui se partage ici reste ici.

## Connexion
sign-in-remember = Rester connecté·e sur cet appareil
sign-in-remember-hint = Seulement sur un appareil que personne d’autre n’utilise. Sinon, vous êtes déconnecté·e en fermant le navigateur.
notes-sign-in-intro = Connectez-vous à vos notes.
notes-field-name = Nom
sign-in-code-title = Entrez votre code
sign-in-code-intro = Votre mot de passe est bon. Entrez maintenant le code à 6 chiffres que votre application d’authentification affiche pour ce compte.
sign-in-code-hint = Vous avez perdu votre téléphone? Entrez plutôt un de vos codes de récupération.
sign-in-code-restart = Recommencer

## Double authentification
two-factor-title = Connexion à deux facteurs
two-factor-why = Avec la connexion à deux facteurs, une personne qui apprend votre mot de passe ne peut quand même pas entrer sans le code de votre téléphone. Elle est facultative pour les membres.
two-factor-required = Les comptes du personnel doivent utiliser la connexion à deux facteurs avant de faire quoi que ce soit d’autre ici. Elle protège les membres dont vous pouvez lire les mots.
two-factor-required-hint = Tant qu’elle n’est pas activée, vous pouvez seulement vous déconnecter, sortir rapidement ou lire la page sur la sécurité.
two-factor-is-on = La connexion à deux facteurs est activée. Un code de votre application d’authentification vous sera demandé à chaque connexion.
two-factor-codes-left = { $count ->
    [one] Si vous perdez votre téléphone, un code de récupération remplace le code de l’application. Il vous en reste { $count }.
   *[other] Si vous perdez votre téléphone, un code de récupération remplace le code de l’application. Il vous en reste { $count }.
}
two-factor-codes-link = Créer de nouveaux codes de récupération
two-factor-set-up-title = L’activer
two-factor-replace-title = Utiliser un nouveau téléphone ou une nouvelle application
two-factor-step-app = Ouvrez une application d’authentification sur votre téléphone (par exemple Aegis, FreeOTP, Google Authenticator ou votre gestionnaire de mots de passe).
two-factor-step-scan = Ajoutez un compte : balayez le code carré, ou tapez la clé affichée dessous.
two-factor-step-code = Entrez le code à 6 chiffres que l’application affiche maintenant.
two-factor-key-label = Clé :
two-factor-code-label = Code
two-factor-code-wrong = Ce code n’est pas bon, ou il a déjà servi. Attendez le suivant et réessayez.
two-factor-set-up-submit = Activer la connexion à deux facteurs
two-factor-replace-submit = Utiliser cette application à la place
two-factor-off-title = La désactiver
two-factor-off-submit = Désactiver la connexion à deux facteurs

## Sessions
sessions-title = Où vous êtes connecté·e
sessions-intro = Chaque navigateur connecté à votre compte. Seule une description approximative de chacun est gardée, jamais son adresse.
sessions-this-device = Cet appareil
sessions-remembered = Reste connecté
sessions-started = Connexion le { $time }
sessions-last-active = Dernière activité le { $time }
sessions-end = Déconnecter
sessions-end-others = Me déconnecter partout ailleurs
sessions-not-you = Vous n’en reconnaissez pas une? Déconnectez-la et changez votre mot de passe.
sessions-back = Retour aux paramètres du compte
device-on = { $browser } sur { $system }
device-unknown-browser = Navigateur inconnu
device-unknown-system = système inconnu

## Page sur la sécurité
safety-title = Rester en sécurité sur cet appareil
safety-intro = Quelqu’un d’autre peut utiliser l’appareil sur lequel vous lisez ceci, ou le regarder plus tard. Voici ce que vous pouvez faire, et ce que ce site fait pour vous.
safety-history = Historique de navigation
safety-history-text = Votre navigateur se souvient des pages que vous visitez. Pour les retirer, ouvrez son historique (souvent Ctrl+H, ou « Historique » dans le menu) et supprimez les entrées de ce site, ou effacez tout l’historique récent. Ce site demande aux navigateurs de ne pas garder de copie de ses pages, mais la liste de l’historique appartient au navigateur.
safety-private = Fenêtres privées
safety-private-text = Une fenêtre privée (navigation privée) oublie les pages visitées et vous déconnecte quand vous la fermez. C’est la façon la plus sûre de venir ici sur un appareil partagé.
safety-quick-exit = La sortie rapide et ses limites
safety-quick-exit-text = « Sortie rapide », en haut de chaque page, ou trois appuis sur Maj, vous emmène aussitôt vers un site neutre et vous déconnecte. Elle remplace cette page dans l’historique, mais ne peut pas effacer les pages visitées avant : effacez-les de l’historique, ou utilisez une fenêtre privée.
safety-shared-device = Partager un appareil
safety-shared-device-text = Déconnectez-vous quand vous avez fini. Laissez « Rester connecté·e » décoché sur un appareil que quelqu’un d’autre utilise. La page des sessions de votre compte montre chaque endroit où vous êtes connecté·e et peut les déconnecter.
safety-passwords = Gestionnaires de mots de passe
safety-passwords-text = Sur un appareil partagé, ne laissez pas le navigateur enregistrer votre mot de passe : toute personne qui ouvre le navigateur pourrait le voir ou se connecter. Choisissez « Jamais » quand il le propose.
safety-discreet = Mode discret
safety-discreet-text = En mode discret, les titres des pages et les onglets n’affichent qu’un nom neutre : un coup d’œil à l’écran, aux onglets ou à l’historique en dit peu. Activez-le dans les paramètres de votre compte.
safety-staff = Le personnel ne demande jamais votre mot de passe
safety-staff-text = Personne parmi les gens qui gèrent cet espace ne vous demandera jamais votre mot de passe ni vos codes de récupération, par aucun moyen. Si quelqu’un le fait, ce n’est pas nous : ne répondez pas et prévenez une animatrice ou un animateur.
safety-authenticator = Applications d’authentification
safety-authenticator-text = Si vous utilisez la connexion à deux facteurs, votre application d’authentification affiche un nom pour ce site. En mode discret, c’est le nom neutre. Toute personne qui ouvre l’application sur votre téléphone peut voir cette entrée.

## Paramètres du compte
settings-privacy-title = Confidentialité et sécurité
settings-on = Activée
settings-off = Désactivée
discreet-legend = Mode discret
discreet-hint = Les titres des pages, les onglets et le haut de chaque page n’affichent que « { $name } » : l’écran ou l’historique du navigateur en disent peu sur ce site.
discreet-default = Comme ce site est réglé
discreet-on = Toujours activé
discreet-off = Désactivé

## Options de confidentialité d’un groupe
group-staff-privacy = Confidentialité : conservation, copie, filigrane
privacy-title = Options de confidentialité
privacy-intro = Choisissez combien de temps ce groupe garde ce que les membres écrivent, et s’il faut décourager la copie et les captures d’écran. Les membres voient ces choix avec les ententes du groupe.
privacy-retention-label = Supprimer les messages après ce nombre de jours
privacy-retention-hint = De { $min } à { $max } jours. Laissez vide pour les garder aussi longtemps que ce site le permet ({ $max } jours).
privacy-retention-hint-unlimited = Au moins { $min } jours. Laissez vide pour les garder jusqu’à leur suppression.
privacy-retention-invalid = Veuillez entrer un nombre de jours dans les limites indiquées, ou laisser vide.
privacy-copying-label = Décourager la copie
privacy-copying-hint = Le texte des messages ne peut pas être sélectionné pour être copié. Cela n’arrête pas une personne déterminée, mais rappelle les ententes à tout le monde. L’écriture n’est jamais touchée.
privacy-watermark-label = Filigrane du pseudonyme de la personne qui lit sur chaque page
privacy-watermark-hint = Chaque membre voit son propre pseudonyme en transparence sur les pages du groupe : une capture d’écran montre qui l’a prise.
privacy-keeps-days = { $days ->
    [one] Les messages de ce groupe sont supprimés { $days } jour après leur écriture.
   *[other] Les messages de ce groupe sont supprimés { $days } jours après leur écriture.
}
privacy-keeps-forever = Les messages de ce groupe sont gardés jusqu’à ce que leur auteur·e ou le personnel du groupe les supprime.
privacy-ended-deleted = Le groupe se termine à une date fixée; toutes ses conversations seront supprimées le { $date }.
privacy-agreement-title = Ce que ce groupe garde, et comment il protège vos mots
privacy-agreement-copying = Le texte des messages ne peut pas être sélectionné pour être copié : un rappel de ne pas garder ce que les autres partagent.
privacy-agreement-watermark = Votre pseudonyme apparaît en transparence sur les pages du groupe : une capture d’écran montrerait qui l’a prise. Merci de n’en prendre aucune.

## Effacer un compte
erase-title = Effacer mon compte
erase-settings-intro = Vous pouvez effacer votre compte à tout moment. Vous choisissez ce qui arrive à ce que vous avez écrit.
erase-settings-link = Effacer mon compte…
erase-intro = Cette action est définitive. Une fois votre compte effacé, personne ne peut le faire revenir, pas même les personnes qui gèrent cet espace.
erase-member-title = Effacer le compte de { $pseudonym }
erase-member-intro = Ne le faites que si le ou la membre l’a demandé. C’est définitif.
erase-always = Dans les deux cas, le pseudonyme, le mot de passe, les codes de récupération, les sessions, les réactions, les marques de lecture, les notifications, les échanges privés et les adhésions aux groupes sont supprimés aussitôt.
erase-posts-legend = Ce qui arrive aux messages
erase-posts-delete = Supprimer tous les messages
erase-posts-delete-hint = Leurs mots sont retirés pour de bon. Les conversations lancées depuis ce compte sont supprimées avec leurs réponses.
erase-posts-keep = Garder les messages, signés « ancienne personne membre »
erase-posts-keep-hint = Les mots restent pour le groupe, mais aucun nom n’y est associé.
erase-confirm = Je comprends que mon compte sera effacé pour de bon.
erase-member-confirm = Le ou la membre a demandé l’effacement de son compte.
erase-submit = Effacer le compte
erase-choose = Veuillez choisir ce qui arrive aux messages.
erase-confirm-needed = Veuillez cocher la case pour confirmer.
erased-title = Le compte est effacé
erased-text = Le compte et ce que vous avez choisi de supprimer ont disparu. Vous avez été déconnecté·e partout.
erased-browser = Le navigateur peut encore se souvenir de ce site dans son historique.
erase-member-link = Effacer le compte de { $pseudonym } (à sa demande)

## Ce que Hearth garde (page de consentement et README)
inventory-account = Votre pseudonyme, votre langue et vos choix d’affichage, la dernière connexion de votre compte, et s’il a été banni par l’équipe.
inventory-account-who = Les membres et le personnel de vos groupes voient votre pseudonyme; la personne qui gère ce serveur voit la liste des pseudonymes.
inventory-account-kept = Jusqu’à ce que vous effaciez votre compte. Un compte banni reste, pseudonyme compris, jusqu’à ce qu’une ou un responsable lève le bannissement, pour que le nom ne puisse pas simplement être repris.
inventory-secrets = Votre mot de passe et vos codes de récupération, brouillés pour que personne ne puisse les lire; si vous activez la connexion à deux facteurs, la clé que votre application d’authentification partage avec ce site; et un lien de réinitialisation du mot de passe que l’équipe a créé pour vous, brouillé lui aussi.
inventory-secrets-who = Personne. (L’équipe voit un lien de réinitialisation une seule fois, en le créant, pour vous le remettre.)
inventory-secrets-kept = Jusqu’à ce que vous les changiez ou effaciez votre compte. Un lien de réinitialisation : quand il sert, ou { $reset } heures après sa création.
inventory-sessions = Pour chaque navigateur connecté à votre compte : une description approximative (comme « Firefox sur Android »), sa connexion et sa dernière activité. Jamais votre adresse Internet.
inventory-sessions-who = Vous seulement, sur votre page des sessions.
inventory-sessions-kept = Quand vous vous déconnectez, après { $idle } minutes sans activité, ou au plus tard { $hours } heures après la connexion. Une connexion qui attend son code à deux facteurs : après { $challenge } minutes.
inventory-memberships = Les groupes dont vous faites partie ou que vous avez demandé à rejoindre, la version de leurs ententes que vous avez acceptée, l’invitation par laquelle vous êtes venu·e (avec la note du personnel), et une suspension dans un groupe.
inventory-memberships-who = Les animatrices et animateurs du groupe et la direction de son organisme.
inventory-memberships-kept = Quand vous quittez le groupe, en êtes retiré·e ou n’y êtes pas admis·e, ou effacez votre compte. Une invitation utilisée ou expirée : { $invite } jours plus tard.
inventory-posts = Ce que vous écrivez dans vos groupes (y compris les messages qui attendent la relecture de l’équipe ou qui vous ont été renvoyés), et vos réactions de soutien.
inventory-posts-who = Les membres et le personnel du groupe; un message en attente de relecture, renvoyé ou masqué : vous et le personnel du groupe seulement. Le personnel voit qui a réagi.
inventory-posts-kept = Quand vous le supprimez, quand vous effacez votre compte, et selon la conservation du groupe : au plus { $max } jours après l’écriture (chaque groupe choisit, à partir de { $min } jours). Dans un groupe avec une date de fin, tout disparaît { $ended } jours après la fin.
inventory-posts-kept-unlimited = Quand vous le supprimez, quand vous effacez votre compte, ou selon la conservation du groupe s’il en fixe une (à partir de { $min } jours). Dans un groupe avec une date de fin, tout disparaît { $ended } jours après la fin.
inventory-check-ins = Les conversations privées avec les animatrices et animateurs d’un groupe (ou avec une autre personne membre, si le groupe le permet).
inventory-check-ins-who = Vous et les animatrices, animateurs et la direction du groupe; une conversation entre deux membres, ces deux personnes seulement.
inventory-reads = Les messages que vous avez lus, et vos notifications sur ce site (il n’y a pas de courriel).
inventory-reads-who = Vous seulement.
inventory-reads-kept = Avec les messages visés, ou quand vous effacez votre compte.
inventory-groups = Le fonctionnement de chaque groupe : son nom, son but, son horaire, ses ententes, ses ressources, ses réglages de modération et listes de mots, et son personnel; les organismes partenaires qui peuvent y inviter; les changements de rôle qui attendent une deuxième personne.
inventory-groups-who = Les membres du groupe et le personnel de son organisme; ses réglages de modération, listes de mots, partenariats et changements de rôle : son personnel seulement.
inventory-groups-kept = Tant que l’organisme tient le groupe. Un changement de rôle que personne ne confirme : après { $request } jours.
inventory-redactions = Ce que disait un de vos messages avant que l’équipe le modifie, et pourquoi (on vous dit pourquoi).
inventory-redactions-who = Les animatrices et animateurs du groupe et la direction de son organisme.
inventory-redactions-kept = Avec le message lui-même : quand vous le supprimez, quand vous effacez votre compte, ou quand la conservation du groupe supprime le message.
inventory-reports = Les signalements : le message ou la conversation qu’une personne a signalé, la raison choisie et ce qu’elle a ajouté; et les alertes que Hearth lève lui-même (mots de crise, listes de mots du personnel).
inventory-reports-who = Les animatrices et animateurs du groupe et la direction de son organisme, qui voient qui a signalé; la personne signalée ne le sait jamais.
inventory-reports-kept = Avec le message visé, et selon la conservation du groupe : au plus { $max } jours après le signalement. Les signalements visant une personne qui efface son compte disparaissent; ceux qu’elle a faits restent pour le personnel, sans son nom ni ses mots.
inventory-reports-kept-unlimited = Avec le message visé, ou selon la conservation du groupe s’il en fixe une. Les signalements visant une personne qui efface son compte disparaissent; ceux qu’elle a faits restent pour le personnel, sans son nom ni ses mots.
inventory-notices = Ce que l’équipe vous dit avoir fait : vous admettre ou non, approuver, renvoyer ou modifier un de vos messages, vous suspendre ou vous retirer, avec sa note.
inventory-notices-who = Vous seulement.
inventory-notices-kept = Quand vous effacez votre compte, avec le message visé, et selon la conservation du groupe : au plus { $max } jours après l’envoi.
inventory-notices-kept-unlimited = Quand vous effacez votre compte, avec le message visé, ou selon la conservation du groupe s’il en fixe une.
inventory-staff-notes = Les courtes notes que l’équipe tient sur une personne membre.
inventory-staff-notes-who = Le personnel de l’organisme; jamais la personne elle-même ni les autres membres.
inventory-staff-notes-kept = Quand la personne efface son compte, et au plus { $max } jours après leur écriture (la plus longue conservation de ce serveur).
inventory-staff-notes-kept-unlimited = Quand la personne efface son compte.
inventory-audit = Le registre de ce que le personnel a fait : qui, quoi, sur quel message, quelle personne ou quel groupe, quand et pourquoi.
inventory-audit-who = La direction de l’organisme et les administratrices et administrateurs de ce serveur.
inventory-audit-kept = Selon la conservation du groupe : au plus { $max } jours après l’action, et { $max } jours pour les actions hors des groupes. Quand une personne efface son compte, les entrées qui la concernent restent sans son nom, et une raison qui la nomme est effacée.
inventory-audit-kept-unlimited = Selon la conservation du groupe s’il en fixe une. Quand une personne efface son compte, les entrées qui la concernent restent sans son nom, et une raison qui la nomme est effacée.
inventory-who-label = Qui peut le voir :
inventory-kept-label = Quand c’est supprimé :
