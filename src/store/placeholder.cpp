// Placeholder so the module builds before its first source lands; remove when a real file exists.
