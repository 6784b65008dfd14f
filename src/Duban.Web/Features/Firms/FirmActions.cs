using System.Text.RegularExpressions;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Firms;

/// <summary>A firm as the office registers it.</summary>
public sealed record FirmInput
{
    public string? Name { get; init; }

    /// <summary>统一社会信用代码, 18 characters.</summary>
    public string? CreditCode { get; init; }

    public string? Industry { get; init; }
    public int? IndustryNodeId { get; init; }
    public int? TownUnitId { get; init; }
    public bool IsKey { get; init; }
    public int? StewardId { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? Address { get; init; }
}

/// <summary>A firm's need as it is registered and assigned (交办).</summary>
public sealed record NeedInput
{
    /// <summary>What the firm asks for, in a line.</summary>
    public string? Name { get; init; }

    public string? Content { get; init; }
    public ProblemCause? Category { get; init; }
    public NeedSource Source { get; init; }

    /// <summary>The unit it is assigned to.</summary>
    public int? LeadUnitId { get; init; }

    public int? LeaderId { get; init; }
    public DateOnly? Deadline { get; init; }
}

/// <summary>The firm's rating of the latest answer, as the office records it after calling back (回访).</summary>
public sealed record RatingInput
{
    public Satisfaction? Satisfaction { get; init; }
    public string? Comment { get; init; }

    /// <summary>With 不满意: the new deadline of the next round.</summary>
    public DateOnly? NewDeadline { get; init; }
}

/// <summary>
/// The firm register and firms' needs (企业诉求): the office keeps the register, registers a need and assigns it to
/// a unit with a deadline, records the firm's rating of each answer (不满意 re-opens it), and closes it out. A need
/// is a problem work item, saved through <see cref="SaveTask"/>: its light, answers (progress reports), urging and
/// notices are the problem mechanism's. Who may do it is the permission table's (<see cref="Permission.ServeFirms"/>).
/// </summary>
public sealed partial class FirmActions(DubanDb db, WorkContext work, SaveTask save, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Firm>> SaveAsync(int? id, FirmInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.ServeFirms);
        Firm? firm = null;
        if (id is not null)
        {
            firm = await db.Firms.FirstOrDefaultAsync(f => f.Id == id && f.RegionId == scope.RegionId, ct);
            if (firm is null)
            {
                return Outcome<Firm>.NotFound();
            }
        }

        var errors = new ValidationErrors();
        var name = FieldText.Read(input.Name, 200, nameof(FirmInput.Name), errors, l, required: true);
        var code = FieldText.Read(input.CreditCode, 18, nameof(FirmInput.CreditCode), errors, l)?.ToUpperInvariant();
        var industry = FieldText.Read(input.Industry, 100, nameof(FirmInput.Industry), errors, l);
        var contact = FieldText.Read(input.ContactName, 50, nameof(FirmInput.ContactName), errors, l);
        var phone = FieldText.Read(input.ContactPhone, 30, nameof(FirmInput.ContactPhone), errors, l);
        var address = FieldText.Read(input.Address, 200, nameof(FirmInput.Address), errors, l);
        if (code is not null && !CreditCodePattern().IsMatch(code))
        {
            errors.Add(nameof(FirmInput.CreditCode), l["Firms.CreditCodeInvalid"]);
        }

        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors.Add(nameof(FirmInput.ContactPhone), l["Validation.Invalid"]);
        }

        if (name is not null && await db.Firms.AnyAsync(f => f.RegionId == scope.RegionId && f.Name == name && f.Id != (id ?? 0), ct))
        {
            errors.Add(nameof(FirmInput.Name), l["Firms.NameTaken"]);
        }

        if (code is not null && await db.Firms.AnyAsync(f => f.RegionId == scope.RegionId && f.CreditCode == code && f.Id != (id ?? 0), ct))
        {
            errors.Add(nameof(FirmInput.CreditCode), l["Firms.CreditCodeTaken"]);
        }

        if (input.TownUnitId is { } town && !await db.Units.AnyAsync(u => u.Id == town && u.RegionId == scope.RegionId, ct))
        {
            errors.Add(nameof(FirmInput.TownUnitId), l["Validation.Invalid"]);
        }

        if (input.StewardId is { } steward && !await db.People.AnyAsync(p => p.Id == steward && p.RegionId == scope.RegionId, ct))
        {
            errors.Add(nameof(FirmInput.StewardId), l["Validation.Invalid"]);
        }

        if (input.IndustryNodeId is { } node && !await db.IndustryNodes.AnyAsync(n => n.Id == node && n.RegionId == scope.RegionId, ct))
        {
            errors.Add(nameof(FirmInput.IndustryNodeId), l["Validation.Invalid"]);
        }

        if (errors.Any)
        {
            return Outcome<Firm>.Invalid(errors);
        }

        if (firm is null)
        {
            firm = new Firm { RegionId = scope.RegionId, Name = name!, RegisteredOn = work.Today };
            db.Firms.Add(firm);
        }

        firm.Name = name!;
        firm.CreditCode = code;
        firm.IndustryNodeId = input.IndustryNodeId;
        firm.Industry = industry ?? (input.IndustryNodeId is { } n ? await db.IndustryNodes.Where(x => x.Id == n).Select(x => x.Name).FirstAsync(ct) : null);
        firm.TownUnitId = input.TownUnitId;
        firm.IsKey = input.IsKey;
        firm.StewardId = input.StewardId;
        firm.ContactName = contact;
        firm.ContactPhone = phone;
        firm.Address = address;
        await db.SaveChangesAsync(ct);
        return Outcome<Firm>.Ok(firm);
    }

    /// <summary>Registers a need of the firm and assigns it: a problem work item in the year's needs ledger.</summary>
    public async Task<Outcome<WorkItem>> RegisterNeedAsync(int firmId, NeedInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.ServeFirms);
        var firm = await db.Firms.FirstOrDefaultAsync(f => f.Id == firmId && f.RegionId == scope.RegionId, ct);
        if (firm is null)
        {
            return Outcome<WorkItem>.NotFound();
        }

        var ledger = await LedgerAsync(scope.RegionId, work.Today.Year, ct);
        var task = new TaskInput
        {
            LedgerId = ledger.Id,
            Name = input.Name,
            Content = input.Content,
            LeadUnitId = input.LeadUnitId,
            LeaderId = input.LeaderId,
            StartDate = work.Today,
            Deadline = input.Deadline,
            Cadence = CadenceKind.None,
        };
        var shape = new WorkItemShape(WorkItemKind.Problem, errors =>
        {
            if (input.Category is null || !Enum.IsDefined(input.Category.Value))
            {
                errors.Add(nameof(NeedInput.Category), l["Validation.Required"]);
            }

            if (!Enum.IsDefined(input.Source))
            {
                errors.Add(nameof(NeedInput.Source), l["Validation.Invalid"]);
            }

            if (input.Deadline is null)
            {
                errors.Add(nameof(NeedInput.Deadline), l["Validation.Required"]);
            }
            else if (input.Deadline < work.Today)
            {
                errors.Add(nameof(NeedInput.Deadline), l["Refusal.DateInPast"]);
            }

            return Task.CompletedTask;
        }, async (item, isNew) =>
        {
            item.ProblemCause = input.Category;
            item.Section = firm.Name;
            if (isNew)
            {
                var need = new FirmNeed { RegionId = scope.RegionId, WorkItemId = item.Id, FirmId = firm.Id, Source = input.Source };
                need.Open(work.UtcNow);
                db.FirmNeeds.Add(need);
                await db.SaveChangesAsync(ct);
            }
        });
        return await save.RunAsync(null, task, shape, ct);
    }

    /// <summary>Records the firm's rating of the latest answer; 不满意 re-opens the need with a new deadline.</summary>
    public async Task<Outcome<NeedRating>> RateAsync(int needItemId, RatingInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var (item, need) = await LoadAsync(scope, needItemId, ct);
        if (item is null || need is null)
        {
            return Outcome<NeedRating>.NotFound();
        }

        scope.Demand(Permission.ServeFirms, item);
        var errors = new ValidationErrors();
        var comment = FieldText.Read(input.Comment, 1000, nameof(RatingInput.Comment), errors, l);
        if (input.Satisfaction is not { } rating || !Enum.IsDefined(rating))
        {
            errors.Add(nameof(RatingInput.Satisfaction), l["Validation.Required"]);
            return Outcome<NeedRating>.Invalid(errors);
        }

        if (input.NewDeadline is { } due && !InputBounds.IsPlausible(due))
        {
            errors.Add(nameof(RatingInput.NewDeadline), l["Validation.Invalid"]);
        }

        if (rating == Satisfaction.Unsatisfied && comment is null)
        {
            // A firm that is not satisfied says why: the unit reads it before it answers again.
            errors.Add(nameof(RatingInput.Comment), l["Firms.SayWhy"]);
        }

        if (errors.Any)
        {
            return Outcome<NeedRating>.Invalid(errors);
        }

        var round = need.Round;
        if (need.Rate(item, rating, input.NewDeadline, work.Today, work.UtcNow) is { } refusal)
        {
            errors.Add(refusal == Refusal.NoDeadline || refusal == Refusal.DateInPast ? nameof(RatingInput.NewDeadline) : nameof(RatingInput.Satisfaction), l["Refusal." + refusal.Code]);
            return Outcome<NeedRating>.Invalid(errors);
        }

        var row = new NeedRating
        {
            RegionId = need.RegionId,
            FirmNeedId = need.Id,
            Round = round,
            Satisfaction = rating,
            Comment = comment,
            RatedOn = work.Today,
            RatedAt = work.UtcNow,
            RatedByName = work.ActorName,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.NeedRatings.Add(row);
        if (rating == Satisfaction.Unsatisfied)
        {
            // A close-out the unit asked for before the firm said no is answered by the re-opening.
            await AnswerPendingCloseOutAsync(item, ReviewStatus.Returned, l["Firms.ReturnedUnsatisfied"], ct);
        }

        await db.SaveChangesAsync(ct);
        await lights.RunAsync(item.RegionId, item.Id, ct);
        await transaction.CommitAsync(ct);
        return Outcome<NeedRating>.Ok(row);
    }

    /// <summary>The office closes the need out (销号) after a 满意 or 基本满意 rating of its latest answer.</summary>
    public async Task<Outcome<WorkItem>> CloseAsync(int needItemId, CancellationToken ct = default)
    {
        var scope = await work.ScopeAsync(ct);
        var (item, need) = await LoadAsync(scope, needItemId, ct);
        if (item is null || need is null)
        {
            return Outcome<WorkItem>.NotFound();
        }

        scope.Demand(Permission.ServeFirms, item);
        if (need.Close(item, work.Today) is { } refusal)
        {
            var errors = new ValidationErrors();
            errors.Add(string.Empty, l["Refusal." + refusal.Code]);
            return Outcome<WorkItem>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AnswerPendingCloseOutAsync(item, ReviewStatus.Approved, null, ct);

        await db.SaveChangesAsync(ct);
        await lights.RunAsync(item.RegionId, item.Id, ct);
        await transaction.CommitAsync(ct);
        return Outcome<WorkItem>.Ok(item);
    }

    /// <summary>The year's ledger of firms' needs ("2026年企业诉求台账"), made on first use.</summary>
    public async Task<Ledger> LedgerAsync(int regionId, int year, CancellationToken ct)
    {
        var name = l["Firms.LedgerName", year].Value;
        var existing = await db.Ledgers.FirstOrDefaultAsync(x => x.RegionId == regionId && x.Year == year && x.Name == name, ct);
        if (existing is not null)
        {
            return existing;
        }

        var ledger = new Ledger { RegionId = regionId, Name = name, Year = year, SourceKind = SourceKind.Other };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync(ct);
        return ledger;
    }

    /// <summary>A close-out the unit asked for is answered by the office's act on the need: approved by the close-out, returned by a re-opening.</summary>
    private async Task AnswerPendingCloseOutAsync(WorkItem item, ReviewStatus answer, string? note, CancellationToken ct)
    {
        foreach (var review in await db.Reviews.Where(r => r.WorkItemId == item.Id && r.Kind == ReviewKind.CloseOut && r.Status == ReviewStatus.Pending).ToListAsync(ct))
        {
            review.Status = answer;
            review.ReviewNote = note ?? review.ReviewNote;
            review.ReviewedAt = work.UtcNow;
            review.ReviewedById = work.AccountId;
            review.ReviewedByName = work.ActorName;
        }
    }

    private async Task<(WorkItem? Item, FirmNeed? Need)> LoadAsync(AccessScope scope, int id, CancellationToken ct)
    {
        var item = await db.WorkItems.VisibleTo(db, scope).Include(w => w.Milestones).FirstOrDefaultAsync(w => w.Id == id && w.Kind == WorkItemKind.Problem, ct);
        var need = item is null ? null : await db.FirmNeeds.FirstOrDefaultAsync(n => n.WorkItemId == id, ct);
        return (item, need);
    }

    // 18 characters: registration authority and kind, a six-digit area code, the organisation code and a check character.
    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditCodePattern();

    [GeneratedRegex(@"^[0-9+\-() ]{5,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
