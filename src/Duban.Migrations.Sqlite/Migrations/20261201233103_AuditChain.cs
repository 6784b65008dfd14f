using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainSequence",
                table: "AuditEntries",
                type: "INTEGER",
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

            // Append-only in the database too (docs/decisions/0015): no entry is deleted, and the one update
            // allowed is the sealer's, once, setting the chain columns of an unsealed entry and nothing else.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, 'The audit trail is append-only: an entry cannot be deleted.');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_SealOnce" BEFORE UPDATE ON "AuditEntries"
                WHEN OLD."ChainSequence" IS NOT NULL OR OLD."ChainHash" IS NOT NULL
                    OR NEW."ChainSequence" IS NULL OR NEW."ChainHash" IS NULL
                    OR NEW."Id" IS NOT OLD."Id" OR NEW."RegionId" IS NOT OLD."RegionId" OR NEW."At" IS NOT OLD."At"
                    OR NEW."ActorId" IS NOT OLD."ActorId" OR NEW."ActorName" IS NOT OLD."ActorName"
                    OR NEW."EntityType" IS NOT OLD."EntityType" OR NEW."EntityId" IS NOT OLD."EntityId"
                    OR NEW."Action" IS NOT OLD."Action" OR NEW."Before" IS NOT OLD."Before" OR NEW."After" IS NOT OLD."After"
                BEGIN
                    SELECT RAISE(ABORT, 'The audit trail is append-only: only an unsealed entry''s chain columns may be set, once.');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_SealOnce\";");
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_NoDelete\";");

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
