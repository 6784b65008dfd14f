using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Ledgers;

public sealed record LedgerInput
{
    public string? Name { get; init; }
    public int? Year { get; init; }
    public SourceKind SourceKind { get; init; } = SourceKind.Document;
    public string? SourceTitle { get; init; }
    public bool IsArchived { get; init; }
    public int? DueSoonDays { get; init; }
    public bool? DueSoonInWorkdays { get; init; }
    public int? LagPoints { get; init; }
    public int? MissedReportsForYellow { get; init; }
}

public sealed record LedgerDto(int Id, string Name, int Year, SourceKind SourceKind, string? SourceTitle, bool IsArchived, int? DueSoonDays, bool? DueSoonInWorkdays, int? LagPoints, int? MissedReportsForYellow)
{
    public static LedgerDto From(Ledger l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Id, l.Name, l.Year, l.SourceKind, l.SourceTitle, l.IsArchived, l.DueSoonDays, l.DueSoonInWorkdays, l.LagPoints, l.MissedReportsForYellow);
    }
}

/// <summary>The office names a ledger for a year, and may give it light rules of its own.</summary>
public sealed class SaveLedger(DubanDb db, ScopeAccessor scopes, Lights.RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Ledger>> RunAsync(int? id, LedgerInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.EditWork);
        Ledger? ledger = null;
        if (id is not null)
        {
            ledger = await db.Ledgers.FirstOrDefaultAsync(x => x.Id == id && x.RegionId == scope.RegionId, ct);
            if (ledger is null)
            {
                return Outcome<Ledger>.NotFound();
            }
        }

        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(nameof(LedgerInput.Name), l["Validation.Required"]);
        }
        else if (name.Length > 200)
        {
            errors.Add(nameof(LedgerInput.Name), l["Validation.MaxLength", 200]);
        }

        if (input.SourceTitle?.Trim().Length > 200)
        {
            errors.Add(nameof(LedgerInput.SourceTitle), l["Validation.MaxLength", 200]);
        }

        if (input.Year is null or < 2000 or > 2100)
        {
            errors.Add(nameof(LedgerInput.Year), l["Ledgers.YearRange"]);
        }

        if (input.DueSoonDays is < 1 or > 60)
        {
            errors.Add(nameof(LedgerInput.DueSoonDays), l["Ledgers.Range", 1, 60]);
        }

        if (input.LagPoints is < 1 or > 100)
        {
            errors.Add(nameof(LedgerInput.LagPoints), l["Ledgers.Range", 1, 100]);
        }

        if (input.MissedReportsForYellow is < 1 or > 12)
        {
            errors.Add(nameof(LedgerInput.MissedReportsForYellow), l["Ledgers.Range", 1, 12]);
        }

        if (!Enum.IsDefined(input.SourceKind))
        {
            errors.Add(nameof(LedgerInput.SourceKind), l["Validation.Invalid"]);
        }

        if (errors.Any)
        {
            return Outcome<Ledger>.Invalid(errors);
        }

        if (ledger is null)
        {
            ledger = new Ledger { RegionId = scope.RegionId, Name = name! };
            db.Ledgers.Add(ledger);
        }

        var rulesBefore = (ledger.DueSoonDays, ledger.DueSoonInWorkdays, ledger.LagPoints, ledger.MissedReportsForYellow);
        ledger.Name = name!;
        ledger.Year = input.Year!.Value;
        ledger.SourceKind = input.SourceKind;
        ledger.SourceTitle = string.IsNullOrWhiteSpace(input.SourceTitle) ? null : input.SourceTitle.Trim();
        ledger.IsArchived = input.IsArchived;
        ledger.DueSoonDays = input.DueSoonDays;
        ledger.DueSoonInWorkdays = input.DueSoonInWorkdays;
        ledger.LagPoints = input.LagPoints;
        ledger.MissedReportsForYellow = input.MissedReportsForYellow;
        await db.SaveChangesAsync(ct);
        if (id is not null && rulesBefore != (ledger.DueSoonDays, ledger.DueSoonInWorkdays, ledger.LagPoints, ledger.MissedReportsForYellow))
        {
            // New rules apply at once, not at the next scheduled recompute; a rename changes no light.
            await lights.RunAsync(scope.RegionId, null, ct);
        }

        return Outcome<Ledger>.Ok(ledger);
    }
}
