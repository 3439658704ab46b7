# Discussions : sujets, messages, réactions, préférence de lecture.
# Chaque clé doit aussi exister dans ../en/discussions.ftl.

## Sujets
topic-page-title = Conversation
topic-list-title = Sujets
topic-list-empty = Aucun sujet pour l’instant.
topic-list-pages = Plus de sujets
topic-list-newest = Sujets les plus récents
topic-list-older = Sujets plus anciens
topic-new-link = Lancer un sujet
topic-new-title = Lancer un sujet
topic-title-label = Titre
topic-title-empty = Veuillez donner un titre à votre sujet.
topic-title-too-long = Un titre peut compter au plus 120 caractères.
topic-publish = Publier le sujet
topic-started-by = Lancé par { $pseudonym }
topic-started-by-former = Lancé par une ancienne personne membre
topic-post-count = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
topic-last-activity = dernier message le { $time }
topic-new-count = { $count ->
    [one] { $count } nouveau message
   *[other] { $count } nouveaux messages
}
topic-pinned = Épinglé
topic-locked = Verrouillé
topic-pin = Épingler ce sujet
topic-unpin = Désépingler ce sujet
topic-lock = Verrouiller ce sujet
topic-unlock = Déverrouiller ce sujet
topic-first-unread = Aller au premier message que vous n’avez pas lu
topic-pages-earlier = Pages précédentes
topic-pages-later = Pages suivantes
topic-first-page = Première page
topic-older-posts = Messages précédents
topic-newer-posts = Messages plus récents
topic-page-empty = Il n’y a aucun message sur cette page.
topic-read-only-note = Ce groupe est maintenant en lecture seule : vous pouvez lire, mais personne ne peut ajouter de messages.
topic-locked-note = Les personnes animatrices ont fermé ce sujet aux nouvelles réponses. Vous pouvez toujours le lire.
topic-locked-staff-note = Ce sujet est verrouillé : les membres ne peuvent pas répondre, mais l’équipe le peut encore.
topic-locked-reply-refused = Ce sujet a été fermé aux nouvelles réponses pendant que vous écriviez. Votre texte est toujours ci-dessous, vous pouvez donc le copier.

## Messages
post-reply-title = Répondre
post-reply-publish = Publier la réponse
post-preview = Aperçu
post-preview-title = Aperçu
post-preview-hint = Voici de quoi aura l’air votre message. Il n’est pas encore publié.
post-warning-field = Avertissement de contenu (facultatif)
post-warning-hint = Quelques mots sur ce dont parle le message, comme « violence » ou « automutilation ». Les personnes qui lisent pourront alors choisir le moment de l’ouvrir.
post-warning-label = Avertissement de contenu : { $warning }
post-warning-too-long = Un avertissement de contenu peut compter au plus 120 caractères.
post-body-label = Votre message
post-body-hint = Vous pouvez utiliser le Markdown : *italique*, **gras**, > citations, - listes. Les images sont affichées sous forme de liens.
post-body-empty = Votre message est vide. Veuillez écrire quelque chose avant de publier.
post-body-too-long = Un message peut compter au plus 20 000 caractères. Vous pourriez le diviser en deux messages.
post-former-member = ancienne personne membre
post-edited = modifié
post-deleted = Ce message a été supprimé par la personne qui l’a écrit.
post-edit-link = Modifier
post-delete-link = Supprimer
post-edit-title = Modifier un message
post-edit-publish = Enregistrer les modifications
post-edit-window-passed = Le délai pour modifier ce message est passé. Vous pouvez encore le supprimer.
post-back-to-topic = Retour à « { $title } »
post-delete-title = Supprimer ce message
post-delete-explain = La suppression efface vos mots pour de bon : personne, pas même l’équipe, ne peut les récupérer. Le message garde sa place dans la conversation avec la mention « supprimé par la personne qui l’a écrit ».
post-delete-confirm = Oui, supprimer mon message pour de bon
post-delete-submit = Supprimer le message
post-delete-confirm-needed = Veuillez cocher la case pour confirmer avant de supprimer.

## Réactions
reaction-support = Soutien
reaction-me-too = Moi aussi
reaction-thank-you = Merci
reaction-who-link = Qui a réagi
reaction-who-title = Qui a réagi
reaction-who-staff-only = Seule l’équipe voit cette page; les membres ne voient que le nombre de réactions.
reaction-none = Personne n’a réagi à ce message.

## Préférence de lecture (page du compte)
reading-title = Avertissements de contenu
reading-explain = Les messages qui portent un avertissement de contenu sont repliés jusqu’à ce que vous choisissiez de les ouvrir. Vous pouvez plutôt les faire afficher ouverts.
reading-fold = Replier les messages avec un avertissement de contenu
