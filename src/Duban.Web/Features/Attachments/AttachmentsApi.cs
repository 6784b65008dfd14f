using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Attachments;

public sealed record AttachmentDto(int Id, int ProgressReportId, string FileName, string ContentType, long Size, DateTime UploadedAt);

public static class AttachmentsApi
{
    public static void MapAttachmentsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        // Opened by browsers (cookie) and API clients (token) alike; only to those who may see the task.
        api.MapGet("/attachments/{id:int}", async (int id, DubanDb db, ScopeAccessor scopes, IFileStore store, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.RegionId == scope.RegionId, ct);
            if (attachment is null || !await db.WorkItems.VisibleTo(db, scope).AnyAsync(w => w.Id == attachment.WorkItemId, ct))
            {
                return Results.NotFound();
            }

            if (store.OpenRead(attachment.StorageKey) is not { } content)
            {
                return Results.NotFound();
            }

            var inline = attachment.ContentType.StartsWith("image/", StringComparison.Ordinal) || attachment.ContentType == "application/pdf";
            return Results.File(content, attachment.ContentType, inline ? null : attachment.FileName, enableRangeProcessing: true);
        }).WithTags("Attachments")
            .Requires(Permission.Read);
    }
}
