"""Read models: one function per heavy page builds what a viewer may see, from services;
the HTML page, its htmx panels and the API twin call the same one."""
