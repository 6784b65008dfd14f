using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

/// <summary>A unit reports progress on a task: one entry that every view and report reads.</summary>
public sealed class SubmitProgressReport(DubanDb db, WorkContext work, RecomputeLights lights, Attachments.IFileStore store, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<ProgressReport>> RunAsync(int taskId, ReportInput input, CancellationToken ct = default) =>
        await RunAsync(taskId, input, [], ct);

    public async Task<Outcome<ProgressReport>> RunAsync(int taskId, ReportInput input, IReadOnlyList<Attachments.UploadedFile> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var item = await db.WorkItems.VisibleTo(db, scope).Include(w => w.Milestones).FirstOrDefaultAsync(w => w.Id == taskId, ct);
        if (item is null)
        {
            return Outcome<ProgressReport>.NotFound();
        }

        scope.Demand(Permission.Report, item);
        var errors = new ValidationErrors();

        var done = input.Done?.Trim();
        if (string.IsNullOrEmpty(done))
        {
            errors.Add(nameof(ReportInput.Done), l["Validation.Required"]);
        }
        else if (done.Length > 4000)
        {
            errors.Add(nameof(ReportInput.Done), l["Validation.MaxLength", 4000]);
        }

        if (input.Percent is < 0 or > 100)
        {
            errors.Add(nameof(ReportInput.Percent), l["Refusal.PercentRange"]);
        }

        var problems = string.IsNullOrWhiteSpace(input.Problems) ? null : input.Problems.Trim();
        if (problems?.Length > 2000)
        {
            errors.Add(nameof(ReportInput.Problems), l["Validation.MaxLength", 2000]);
        }

        if (problems is not null && input.ProblemCause is null)
        {
            errors.Add(nameof(ReportInput.ProblemCause), l["Tasks.CauseRequired"]);
        }

        var nextSteps = string.IsNullOrWhiteSpace(input.NextSteps) ? null : input.NextSteps.Trim();
        if (nextSteps?.Length > 2000)
        {
            errors.Add(nameof(ReportInput.NextSteps), l["Validation.MaxLength", 2000]);
        }

        var completed = input.CompletedMilestoneIds ?? [];
        if (completed.Any(id => item.Milestones.All(m => m.Id != id)))
        {
            errors.Add(nameof(ReportInput.CompletedMilestoneIds), l["Validation.Invalid"]);
        }

        var accepted = new List<(Attachments.UploadedFile File, string ContentType, string Name)>();
        if (files.Count > AttachmentRules.MaxFiles)
        {
            errors.Add("Files", l["Attachments.TooMany", AttachmentRules.MaxFiles]);
        }
        else
        {
            foreach (var file in files)
            {
                var name = AttachmentRules.SafeName(file.FileName);
                if (file.Length == 0 || file.Length > AttachmentRules.MaxBytes)
                {
                    errors.Add("Files", l["Attachments.Size", name, AttachmentRules.MaxBytes / 1024 / 1024]);
                    continue;
                }

                var head = new byte[8];
                await using (var stream = file.Open())
                {
                    var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
                    head = head[..read];
                }

                if (AttachmentRules.Recognise(name, head) is { } type)
                {
                    accepted.Add((file, type, name));
                }
                else
                {
                    errors.Add("Files", l["Attachments.Kind", name, string.Join(" ", AttachmentRules.Extensions)]);
                }
            }
        }

        if (errors.Any)
        {
            return Outcome<ProgressReport>.Invalid(errors);
        }

        var report = new ProgressReport
        {
            RegionId = item.RegionId,
            WorkItemId = item.Id,
            SubmittedAt = work.UtcNow,
            SubmittedById = work.AccountId,
            SubmittedByName = work.ActorName,
            Done = done!,
            Percent = input.Percent,
            Problems = problems,
            ProblemCause = problems is null ? null : input.ProblemCause,
            NextSteps = nextSteps,
        };
        if (item.Accept(report, work.UtcNow, work.Zone) is { } refusal)
        {
            errors.Add(string.Empty, l["Refusal." + refusal.Code]);
            return Outcome<ProgressReport>.Invalid(errors);
        }

        foreach (var milestone in item.Milestones.Where(m => completed.Contains(m.Id) && m.IsOpen))
        {
            milestone.DoneOn = work.Today;
        }

        // Files are written inside the transaction and removed again if it does not commit: nothing half-saved.
        var written = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.ProgressReports.Add(report);
            await db.SaveChangesAsync(ct);
            foreach (var (file, type, name) in accepted)
            {
                var key = $"{item.RegionId}/{work.UtcNow:yyyy}/{Guid.NewGuid():N}{Path.GetExtension(name).ToLowerInvariant()}";
                await using var stream = file.Open();
                using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
                await using var hashing = new HashingStream(stream, sha);
                await store.SaveAsync(key, hashing, ct);
                written.Add(key);
                db.Attachments.Add(new Attachment
                {
                    RegionId = item.RegionId,
                    ProgressReportId = report.Id,
                    WorkItemId = item.Id,
                    FileName = name,
                    ContentType = type,
                    Size = file.Length,
                    StorageKey = key,
                    Sha256 = Convert.ToHexStringLower(sha.GetHashAndReset()),
                    UploadedAt = work.UtcNow,
                });
            }

            await db.SaveChangesAsync(ct);
            await lights.RunAsync(item.RegionId, item.Id, ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            written.ForEach(store.Delete);
            throw;
        }

        return Outcome<ProgressReport>.Ok(report);
    }
}

/// <summary>Feeds what passes through into a hash, so a file is hashed while it is stored.</summary>
internal sealed class HashingStream(Stream inner, System.Security.Cryptography.IncrementalHash hash) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        hash.AppendData(buffer, offset, n);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        hash.AppendData(buffer.Span[..n]);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
