using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

/// <summary>A unit applies for close-out (销号), an extension (延期) or an adjustment (调整/说明).</summary>
public sealed class RequestReview(DubanDb db, WorkContext work, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Review>> RunAsync(int taskId, RequestInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var item = await db.WorkItems.VisibleTo(db, scope).Include(w => w.Milestones).FirstOrDefaultAsync(w => w.Id == taskId, ct);
        if (item is null)
        {
            return Outcome<Review>.NotFound();
        }

        scope.Demand(Permission.Request, item);
        var errors = new ValidationErrors();

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(RequestInput.Kind), l["Validation.Invalid"]);
            return Outcome<Review>.Invalid(errors);
        }

        var statement = input.Statement?.Trim() ?? string.Empty;
        if (statement.Length > 4000)
        {
            errors.Add(nameof(RequestInput.Statement), l["Validation.MaxLength", 4000]);
            return Outcome<Review>.Invalid(errors);
        }

        var openChildren = await db.WorkItems.CountAsync(w => w.ParentId == item.Id && w.Status != WorkItemStatus.Closed, ct);
        var pending = await db.Reviews.AnyAsync(r => r.WorkItemId == item.Id && r.Kind == input.Kind && r.Status == ReviewStatus.Pending, ct);
        if (item.Request(input.Kind, statement, input.ProposedDeadline, openChildren, pending, work.Today) is { } refusal)
        {
            var field = refusal == Refusal.StatementRequired ? nameof(RequestInput.Statement)
                : refusal == Refusal.DeadlineNotLater || refusal == Refusal.DateInPast ? nameof(RequestInput.ProposedDeadline)
                : nameof(RequestInput.Kind);
            errors.Add(field, l["Refusal." + refusal.Code]);
            return Outcome<Review>.Invalid(errors);
        }

        var review = new Review
        {
            RegionId = item.RegionId,
            WorkItemId = item.Id,
            Kind = input.Kind,
            Status = ReviewStatus.Pending,
            Statement = statement,
            ProposedDeadline = input.Kind == ReviewKind.Extension ? input.ProposedDeadline : null,
            RequestedAt = work.UtcNow,
            RequestedById = work.AccountId,
            RequestedByName = work.ActorName,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Reviews.Add(review);
        await db.SaveChangesAsync(ct);
        await lights.RunAsync(item.RegionId, item.Id, ct);
        await transaction.CommitAsync(ct);
        return Outcome<Review>.Ok(review);
    }
}

/// <summary>The office approves a request or returns it with a reason.</summary>
public sealed class DecideReview(DubanDb db, WorkContext work, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Review>> RunAsync(int reviewId, DecisionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.RegionId == scope.RegionId, ct);
        var item = review is null ? null : await db.WorkItems.VisibleTo(db, scope).Include(w => w.Milestones).FirstOrDefaultAsync(w => w.Id == review.WorkItemId, ct);
        if (review is null || item is null)
        {
            return Outcome<Review>.NotFound();
        }

        // Nobody decides their own request, whatever their role.
        if (!scope.MayDecide(item, review.RequestedById))
        {
            throw new NotPermittedException(Permission.Decide);
        }

        var errors = new ValidationErrors();
        var note = input.Note?.Trim();
        if (note?.Length > 2000)
        {
            errors.Add(nameof(DecisionInput.Note), l["Validation.MaxLength", 2000]);
            return Outcome<Review>.Invalid(errors);
        }

        // A firm's need closes only once the firm is satisfied with the answer, whichever way the close-out comes.
        var refusal = input.Approve && review.Kind == ReviewKind.CloseOut && item.Kind == WorkItemKind.Problem
            && await db.FirmNeeds.FirstOrDefaultAsync(n => n.WorkItemId == item.Id, ct) is { MayClose: false }
            ? Refusal.NotSatisfied
            : input.Approve ? item.Approve(review, work.Today) : item.Return(review, note ?? string.Empty);
        if (refusal is not null)
        {
            errors.Add(refusal == Refusal.ReasonRequired ? nameof(DecisionInput.Note) : string.Empty, l["Refusal." + refusal.Code]);
            return Outcome<Review>.Invalid(errors);
        }

        if (input.Approve)
        {
            review.ReviewNote = note;
        }

        review.ReviewedAt = work.UtcNow;
        review.ReviewedById = work.AccountId;
        review.ReviewedByName = work.ActorName;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await lights.RunAsync(item.RegionId, item.Id, ct);
        await transaction.CommitAsync(ct);
        return Outcome<Review>.Ok(review);
    }
}

/// <summary>The office exempts a task from red and yellow until a date, or lifts the exemption.</summary>
public sealed class ExemptTask(DubanDb db, WorkContext work, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<WorkItem>> RunAsync(int taskId, ExemptionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var item = await db.WorkItems.VisibleTo(db, scope).FirstOrDefaultAsync(w => w.Id == taskId, ct);
        if (item is null)
        {
            return Outcome<WorkItem>.NotFound();
        }

        scope.Demand(Permission.Exempt, item);
        var errors = new ValidationErrors();
        if (input.Until is null && string.IsNullOrWhiteSpace(input.Reason))
        {
            item.ExemptUntil = null;
            item.ExemptReason = null;
        }
        else if (input.Until is null)
        {
            errors.Add(nameof(ExemptionInput.Until), l["Validation.Required"]);
        }
        else if ((input.Reason?.Trim().Length ?? 0) > 500)
        {
            errors.Add(nameof(ExemptionInput.Reason), l["Validation.MaxLength", 500]);
        }
        else if (item.Exempt(input.Reason ?? string.Empty, input.Until.Value, work.Today) is { } refusal)
        {
            errors.Add(refusal == Refusal.ReasonRequired ? nameof(ExemptionInput.Reason) : nameof(ExemptionInput.Until), l["Refusal." + refusal.Code]);
        }

        if (errors.Any)
        {
            return Outcome<WorkItem>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await lights.RunAsync(item.RegionId, item.Id, ct);
        await transaction.CommitAsync(ct);
        await db.Entry(item).ReloadAsync(ct);
        return Outcome<WorkItem>.Ok(item);
    }
}
