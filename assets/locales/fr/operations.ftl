# Hearth : français (Canada). Chaque clé ici doit aussi exister dans ../en/operations.ftl.

## Quand la base de données est absente un moment (redémarrage, disque plein)
error-storage-unavailable = Le forum ne peut pas joindre son stockage pour le moment. Rien de ce que vous avez déjà écrit n’est perdu. Réessayez dans une minute.

## Un formulaire qui n’a pas pu être enregistré, rendu tel quel
kept-title = Pas encore enregistré
kept-explanation = Cela n’a pas pu être enregistré : le forum ne peut rien stocker pour un moment. Votre texte est gardé ci-dessous. Envoyez-le de nouveau dans une minute.
kept-explanation-no-text = Cela n’a pas pu être enregistré : le forum ne peut rien stocker pour un moment. Vous pourrez l’envoyer de nouveau dans une minute.
kept-not-stored = Votre texte n’existe que sur cette page : si vous la quittez avant de l’envoyer, il sera perdu.
kept-send-again = Envoyer de nouveau
kept-field-title = Titre
kept-field-subject = Objet
kept-field-warning = Avertissement de contenu
kept-field-body = Votre texte
kept-field-note = Note
kept-field-reason = Raison
kept-field-name = Nom
kept-field-purpose = Objectif
kept-field-facilitation = Animation du groupe
