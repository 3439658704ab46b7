# Notifications et recherche.

## Recherche
search-title = Recherche
search-label = Chercher dans vos groupes
search-hint = Trouve les sujets et les messages des groupes que vous pouvez lire. Les accents et les majuscules ne comptent pas, et le début d’un mot suffit.
search-submit = Chercher
search-too-long = Une recherche peut compter au plus 200 caractères. Essayez quelques mots.
search-results-title = Résultats
search-none = Rien ne correspond à tous les mots. Essayez des mots moins nombreux ou plus courts.
search-results-count = { $count ->
    [one] Un message correspond.
   *[other] { $count } messages correspondent, du plus récent au plus ancien.
}
search-results-limited = Seuls les plus récents sont affichés; ajoutez un mot pour préciser la recherche.
search-former-member = ancien·ne membre
search-warning = Avertissement : { $warning }

## Notifications
notifications-title = Notifications
notifications-intro = Les réponses à vos sujets, les mentions de votre pseudonyme et les messages des personnes qui animent. Elles sont affichées ici seulement, jamais envoyées ailleurs.
notifications-none = Rien de nouveau.
notifications-unread = Nouveau :
notifications-mark-all = Tout marquer comme lu
notifications-mark-one = Marquer comme lu
notifications-older = Notifications plus anciennes
notifications-reply = { $pseudonym } a répondu à votre sujet :
notifications-reply-former = Un·e ancien·ne membre a répondu à votre sujet :
notifications-mention = { $pseudonym } vous a mentionné·e dans :
notifications-mention-former = Un·e ancien·ne membre vous a mentionné·e dans :
notifications-check-in-staff = Une personne qui anime vous a écrit dans un suivi :
notifications-check-in-member = { $pseudonym } a écrit dans un suivi :
notifications-check-in-former = Un·e ancien·ne membre a écrit dans un suivi :
