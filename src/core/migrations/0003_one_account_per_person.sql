-- One account per person: backs up the rule the user service checks under a
-- row lock (parallel POST /api/users for one person created several).
CREATE UNIQUE INDEX auth_users_one_per_person ON auth_users(person_id);
