using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChainHash",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainSequence",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RegionId_ChainSequence",
                table: "AuditEntries",
                columns: new[] { "RegionId", "ChainSequence" },
                unique: true,
                filter: "\"ChainSequence\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Unsealed",
                table: "AuditEntries",
                column: "Id",
                filter: "\"ChainSequence\" IS NULL");

            // Append-only in the database too (docs/decisions/0015): no entry is deleted or truncated away, and
            // the one update allowed is the sealer's, once, setting the chain columns of an unsealed entry and
            // nothing else. Every other column is named (comparing the rows as jsonb made sealing 3.4 times
            // slower); a test fails when a column is added to the entry and not here.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'UPDATE' THEN
                        RAISE EXCEPTION 'The audit trail is append-only: an entry cannot be deleted.';
                    END IF;
                    IF OLD."ChainSequence" IS NOT NULL OR OLD."ChainHash" IS NOT NULL
                        OR NEW."ChainSequence" IS NULL OR NEW."ChainHash" IS NULL
                        OR (NEW."Id", NEW."RegionId", NEW."At", NEW."ActorId", NEW."ActorName", NEW."EntityType", NEW."EntityId", NEW."Action", NEW."Before", NEW."After")
                            IS DISTINCT FROM (OLD."Id", OLD."RegionId", OLD."At", OLD."ActorId", OLD."ActorName", OLD."EntityType", OLD."EntityId", OLD."Action", OLD."Before", OLD."After") THEN
                        RAISE EXCEPTION 'The audit trail is append-only: only an unsealed entry''s chain columns may be set, once.';
                    END IF;
                    RETURN NEW;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_NoTruncate\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_AppendOnly\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP FUNCTION audit_entries_append_only();");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_RegionId_ChainSequence",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Unsealed",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ChainHash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ChainSequence",
                table: "AuditEntries");
        }
    }
}
