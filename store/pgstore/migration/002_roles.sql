-- Who may do what, enforced by the server (see docs/server.md).
--
-- gloss_members maps a PostgreSQL login role to an annotator name and a
-- kind: annotator (writes their own layer), curator (also writes the gold
-- layer and reads every layer) or manager (labels, documents, members,
-- settings; reads every layer). Row-level security on every table lets a
-- member see and write what their kind allows; triggers refuse the rest
-- loudly (SQLSTATE 42501, message "gloss: <role> is ... and cannot ..."),
-- so that a refused change is an error, not a change of nothing.
--
-- The role that owns the tables (the set-up user who ran gloss-cli init)
-- and superusers are not bound: RLS is enabled, not forced. No role is
-- created: the privileges go to PUBLIC and RLS admits only members, so a
-- database owner without CREATEROLE can set a project up, and a member of
-- one project has no rights in another database of the same cluster.

-- blind: annotators see only their own layer and gold (the default);
-- off, they see every layer.
ALTER TABLE gloss_project ADD COLUMN blind boolean NOT NULL DEFAULT true;

CREATE TABLE gloss_members (
    role      text COLLATE "C" PRIMARY KEY,
    annotator text COLLATE "C" NOT NULL UNIQUE CHECK (annotator <> '' AND annotator <> 'gold'),
    kind      text NOT NULL CHECK (kind IN ('annotator', 'curator', 'manager')),
    added_at  text NOT NULL
);

-- Who the current role is, in PL/pgSQL (its plans are kept for the
-- session: these run in every statement of a member) with the table named
-- with its schema, so that a temporary table of the same name cannot stand
-- in for it.
DO $do$
BEGIN
    EXECUTE format($f$CREATE FUNCTION gloss_kind() RETURNS text LANGUAGE plpgsql STABLE AS $$
        BEGIN RETURN (SELECT m.kind FROM %1$I.gloss_members m WHERE m.role = current_user); END $$$f$, current_schema());
    EXECUTE format($f$CREATE FUNCTION gloss_me() RETURNS text LANGUAGE plpgsql STABLE AS $$
        BEGIN RETURN (SELECT m.annotator FROM %1$I.gloss_members m WHERE m.role = current_user); END $$$f$, current_schema());
    EXECUTE format($f$CREATE FUNCTION gloss_blind() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
        BEGIN RETURN (SELECT p.blind FROM %1$I.gloss_project p WHERE p.id = 1); END $$$f$, current_schema());
END;
$do$;
-- Policies call these inside (SELECT ...): evaluated once per statement,
-- not once per row.
-- Whether the current member sees every layer: a curator or a manager, or
-- an annotator when the project is not blind.
CREATE FUNCTION gloss_sees_all() RETURNS boolean LANGUAGE sql STABLE
    RETURN coalesce(gloss_kind() IN ('curator', 'manager') OR (gloss_kind() = 'annotator' AND NOT gloss_blind()), false);
-- Whether the current member may write rows of annotator layer (their
-- own; a curator gold too): for the triggers.
CREATE FUNCTION gloss_writes(layer text) RETURNS boolean LANGUAGE sql STABLE
    RETURN coalesce(layer = gloss_me() OR (layer = 'gold' AND gloss_kind() = 'curator'), false);
-- Whether the current role is not bound: a superuser, a role that bypasses
-- RLS, or (a member of) the owner of table rel. Foreign-key cascades run
-- as the owner, so they pass.
CREATE FUNCTION gloss_free(rel oid) RETURNS boolean LANGUAGE sql STABLE
    RETURN coalesce((SELECT r.rolsuper OR r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false)
        OR pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = rel), 'USAGE');

-- gloss_refuse raises the refusal the store turns into a domain error.
CREATE FUNCTION gloss_refuse(what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format('gloss: %s %s and cannot %s', current_user,
        CASE gloss_kind()
            WHEN 'annotator' THEN 'is an annotator in this project'
            WHEN 'curator' THEN 'is a curator in this project'
            WHEN 'manager' THEN 'is a manager in this project'
            ELSE 'is not a member of this project' END, what);
END;
$$;

-- Statement trigger: only a manager (or the set-up user) changes this table.
CREATE FUNCTION gloss_manager_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF gloss_kind() IS DISTINCT FROM 'manager' AND NOT gloss_free(TG_RELID) THEN
        PERFORM gloss_refuse(TG_ARGV[0]);
    END IF;
    RETURN NULL;
END;
$$;

-- Row trigger on layered tables (spans, document_status, events): a member
-- writes only rows of a layer they may write. A manager may move spans of
-- any layer to another label, or drop them, as deleting a label does, and
-- adds no spans.
CREATE FUNCTION gloss_layer_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind text;
BEGIN
    kind := gloss_kind();
    -- Not a member: the set-up user, a foreign-key cascade (run as the
    -- owner) or a stranger, whom the policies refuse.
    IF kind IS NULL THEN
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF kind = 'manager' AND TG_TABLE_NAME = 'spans' THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        ELSIF TG_OP = 'UPDATE' AND (NEW.id, NEW.document_id, NEW.start, NEW."end", NEW.note, NEW.annotator, NEW.grp, NEW.attrs, NEW.created_at)
                IS NOT DISTINCT FROM (OLD.id, OLD.document_id, OLD.start, OLD."end", OLD.note, OLD.annotator, OLD.grp, OLD.attrs, OLD.created_at) THEN
            RETURN NEW;
        END IF;
        PERFORM gloss_refuse('annotate: a manager only moves spans to another label');
    END IF;
    IF TG_OP <> 'INSERT' AND NOT gloss_writes(OLD.annotator) THEN
        PERFORM gloss_refuse(format('change the %s of %s', TG_ARGV[0], OLD.annotator));
    END IF;
    IF TG_OP <> 'DELETE' AND NOT gloss_writes(NEW.annotator) THEN
        PERFORM gloss_refuse(format('write %s in the layer of %s', TG_ARGV[0], NEW.annotator));
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

-- Row trigger on documents: members set their status; only a manager
-- changes the rest. (AddMember refuses the owner and superusers, whom no
-- policy binds, so a member is never one of them.)
CREATE FUNCTION gloss_document_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF gloss_kind() <> 'manager'
        AND (NEW.id, NEW.title, NEW.text, NEW.sha256, NEW.source, NEW.metadata, NEW.length, NEW.created_at)
            IS DISTINCT FROM (OLD.id, OLD.title, OLD.text, OLD.sha256, OLD.source, OLD.metadata, OLD.length, OLD.created_at) THEN
        PERFORM gloss_refuse('change documents');
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER labels_guard BEFORE INSERT OR UPDATE OR DELETE ON labels
    FOR EACH STATEMENT EXECUTE FUNCTION gloss_manager_only('change labels');
CREATE TRIGGER documents_guard BEFORE INSERT OR DELETE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION gloss_manager_only('add or delete documents');
CREATE TRIGGER documents_guard_update BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION gloss_document_guard();
CREATE TRIGGER sample_guard BEFORE INSERT OR UPDATE OR DELETE ON sample
    FOR EACH STATEMENT EXECUTE FUNCTION gloss_manager_only('change the sample');
CREATE TRIGGER assignments_guard BEFORE INSERT OR UPDATE OR DELETE ON assignments
    FOR EACH STATEMENT EXECUTE FUNCTION gloss_manager_only('change assignments');
CREATE TRIGGER members_guard BEFORE INSERT OR UPDATE OR DELETE ON gloss_members
    FOR EACH STATEMENT EXECUTE FUNCTION gloss_manager_only('change the members');
CREATE TRIGGER project_guard BEFORE UPDATE ON gloss_project
    FOR EACH STATEMENT EXECUTE FUNCTION gloss_manager_only('change the project settings');
CREATE TRIGGER spans_guard BEFORE INSERT OR UPDATE OR DELETE ON spans
    FOR EACH ROW EXECUTE FUNCTION gloss_layer_guard('spans');
CREATE TRIGGER document_status_guard BEFORE INSERT OR UPDATE ON document_status
    FOR EACH ROW EXECUTE FUNCTION gloss_layer_guard('statuses');
CREATE TRIGGER events_guard BEFORE INSERT OR UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION gloss_layer_guard('edit log entries');

-- Row-level security. USING says what a member sees (and may lock);
-- WITH CHECK what a written row may be. A member sees the layers of
-- gloss_sees_all(), else their own and gold, and writes their own (a
-- curator gold too): the conditions are spelt out in each policy so that
-- PostgreSQL evaluates the member's name and kind once per statement.
ALTER TABLE gloss_project ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON gloss_project FOR SELECT USING (true);
CREATE POLICY manage ON gloss_project FOR UPDATE USING ((SELECT gloss_kind()) = 'manager') WITH CHECK ((SELECT gloss_kind()) = 'manager');

ALTER TABLE gloss_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON gloss_members FOR SELECT USING (true);
CREATE POLICY add ON gloss_members FOR INSERT WITH CHECK ((SELECT gloss_kind()) = 'manager');
CREATE POLICY change ON gloss_members FOR UPDATE USING ((SELECT gloss_kind()) = 'manager') WITH CHECK ((SELECT gloss_kind()) = 'manager');
CREATE POLICY remove ON gloss_members FOR DELETE USING ((SELECT gloss_kind()) = 'manager');

ALTER TABLE labels ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON labels FOR SELECT USING ((SELECT gloss_kind()) IS NOT NULL);
CREATE POLICY add ON labels FOR INSERT WITH CHECK ((SELECT gloss_kind()) = 'manager');
CREATE POLICY change ON labels FOR UPDATE USING ((SELECT gloss_kind()) IS NOT NULL) WITH CHECK ((SELECT gloss_kind()) = 'manager');
CREATE POLICY remove ON labels FOR DELETE USING ((SELECT gloss_kind()) = 'manager');

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON documents FOR SELECT USING ((SELECT gloss_kind()) IS NOT NULL);
CREATE POLICY add ON documents FOR INSERT WITH CHECK ((SELECT gloss_kind()) = 'manager');
CREATE POLICY change ON documents FOR UPDATE USING ((SELECT gloss_kind()) IS NOT NULL) WITH CHECK ((SELECT gloss_kind()) IS NOT NULL);
CREATE POLICY remove ON documents FOR DELETE USING ((SELECT gloss_kind()) = 'manager');

-- The sample and the assignments: every member reads them (the documents
-- list filters on them); a manager sets them.
ALTER TABLE sample ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON sample FOR SELECT USING ((SELECT gloss_kind()) IS NOT NULL);
CREATE POLICY add ON sample FOR INSERT WITH CHECK ((SELECT gloss_kind()) = 'manager');
CREATE POLICY change ON sample FOR UPDATE USING ((SELECT gloss_kind()) IS NOT NULL) WITH CHECK ((SELECT gloss_kind()) = 'manager');
CREATE POLICY remove ON sample FOR DELETE USING ((SELECT gloss_kind()) = 'manager');

ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON assignments FOR SELECT USING ((SELECT gloss_kind()) IS NOT NULL);
CREATE POLICY add ON assignments FOR INSERT WITH CHECK ((SELECT gloss_kind()) = 'manager');
CREATE POLICY change ON assignments FOR UPDATE USING ((SELECT gloss_kind()) IS NOT NULL) WITH CHECK ((SELECT gloss_kind()) = 'manager');
CREATE POLICY remove ON assignments FOR DELETE USING ((SELECT gloss_kind()) = 'manager');

ALTER TABLE spans ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON spans FOR SELECT USING ((SELECT gloss_sees_all()) OR annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) IS NOT NULL));
CREATE POLICY add ON spans FOR INSERT WITH CHECK ((annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) = 'curator')) AND (SELECT gloss_kind()) <> 'manager');
CREATE POLICY change ON spans FOR UPDATE USING ((SELECT gloss_sees_all()) OR annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) IS NOT NULL))
    WITH CHECK ((annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) = 'curator')) OR (SELECT gloss_kind()) = 'manager');
CREATE POLICY remove ON spans FOR DELETE USING ((SELECT gloss_sees_all()) OR annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) IS NOT NULL));

ALTER TABLE document_status ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON document_status FOR SELECT USING ((SELECT gloss_sees_all()) OR annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) IS NOT NULL));
CREATE POLICY add ON document_status FOR INSERT WITH CHECK (annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) = 'curator'));
CREATE POLICY change ON document_status FOR UPDATE USING ((SELECT gloss_sees_all()) OR annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) IS NOT NULL)) WITH CHECK (annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) = 'curator'));

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON events FOR SELECT USING ((SELECT gloss_sees_all()) OR annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) IS NOT NULL));
CREATE POLICY add ON events FOR INSERT WITH CHECK (annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) = 'curator'));
CREATE POLICY change ON events FOR UPDATE USING ((SELECT gloss_sees_all()) OR annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) IS NOT NULL)) WITH CHECK (annotator = (SELECT gloss_me()) OR (annotator = 'gold' AND (SELECT gloss_kind()) = 'curator'));

-- Privileges: what is not granted here is refused outright ("permission
-- denied"): deleting edit-log entries or statuses, adding projects rows...
GRANT SELECT ON gloss_migrations, gloss_project, gloss_members TO PUBLIC;
GRANT UPDATE (blind) ON gloss_project TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON gloss_members TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON labels, documents, spans, sample, assignments TO PUBLIC;
GRANT SELECT, INSERT, UPDATE ON document_status, events TO PUBLIC;

-- Live-update notices name the annotator a member may write as (their
-- own name, or gold for a curator), not whatever the connection claims.
CREATE OR REPLACE FUNCTION gloss_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    doc text := '';
    who text := coalesce(current_setting('gloss.annotator', true), '');
BEGIN
    IF TG_LEVEL = 'ROW' AND TG_OP = 'DELETE' THEN
        doc := OLD.document_id;
    ELSIF TG_LEVEL = 'ROW' THEN
        doc := NEW.document_id;
    END IF;
    IF gloss_kind() IS NOT NULL AND NOT gloss_writes(who) THEN
        who := gloss_me();
    END IF;
    PERFORM pg_notify('gloss_changes', json_build_object(
        'kind', TG_ARGV[0],
        'document', doc,
        'annotator', who,
        'origin', coalesce(current_setting('gloss.origin', true), ''))::text);
    RETURN NULL;
END;
$$;
