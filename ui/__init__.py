"""The Qt desktop application. Talks to competence/ services only, never to sessions or SQL."""
