using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Features.Projects;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Leads;

/// <summary>A lead as its unit registers it.</summary>
public sealed record LeadInput
{
    public string? Name { get; init; }
    public string? Investor { get; init; }
    public string? InvestorOrigin { get; init; }
    public int? IndustryNodeId { get; init; }
    public string? Industry { get; init; }
    public LeadSource Source { get; init; }
    public string? SourceText { get; init; }

    /// <summary>万元.</summary>
    public decimal? PlannedInvestment { get; init; }

    /// <summary>对接单位: the unit following it (the work item's lead unit).</summary>
    public int? FollowingUnitId { get; init; }

    /// <summary>包联领导: the leader attached.</summary>
    public int? LeaderId { get; init; }

    /// <summary>The person following it day to day (the work item's liaison).</summary>
    public int? LiaisonId { get; init; }

    /// <summary>The stage it is registered at (线索, 意向 or 在谈); later stages go through <see cref="LeadActions.MoveAsync"/>.</summary>
    public LeadStage Stage { get; init; }

    public string? Content { get; init; }
}

public sealed record ContactInput
{
    public DateOnly? On { get; init; }
    public LeadContactKind Kind { get; init; }
    public string? People { get; init; }
    public string? Agreed { get; init; }
    public string? NextStep { get; init; }
    public DateOnly? NextStepDue { get; init; }
}

public sealed record LeadStageInput
{
    public LeadStage Stage { get; init; }
    public DateOnly? On { get; init; }

    /// <summary>At 已签约: the agreement's amount in 万元.</summary>
    public decimal? SignedAmount { get; init; }
}

public sealed record TerminationInput
{
    public string? Reason { get; init; }
    public DateOnly? On { get; init; }
}

/// <summary>落地: the key project the lead becomes.</summary>
public sealed record LandingInput
{
    public DateOnly? On { get; init; }

    /// <summary>The project ledger it joins.</summary>
    public int? LedgerId { get; init; }

    /// <summary>Total investment in 万元; the agreement's amount when empty.</summary>
    public decimal? TotalInvestment { get; init; }

    public int? TownUnitId { get; init; }
    public ProjectCategory Category { get; init; }
}

/// <summary>
/// What is done to a lead: registered and changed by its unit (or the office), contacts logged, stages moved,
/// terminated with a reason, restored by the office, and landed by the office as a key project that keeps
/// the lead's unit, leader and steward and shows where it came from. Each keeps the facts the light reads and
/// relights the lead in the same transaction; who may do it is the permission table's
/// (<see cref="Permission.FollowLeads"/> on the lead, <see cref="Permission.EditWork"/> to restore and land).
/// </summary>
public sealed class LeadActions(DubanDb db, WorkContext work, SaveTask save, SaveProject saveProject, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public const int MaxAmount = 100_000_000;

    public async Task<Outcome<WorkItem>> SaveAsync(int? id, LeadInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.FollowLeads);
        Lead? lead = null;
        WorkItem? existing = null;
        if (id is not null)
        {
            (existing, lead) = await LoadAsync(scope, id.Value, ct);
            if (existing is null || lead is null)
            {
                return Outcome<WorkItem>.NotFound();
            }

            scope.Demand(Permission.FollowLeads, existing);
        }

        var ledger = await LedgerAsync(scope.RegionId, ct);
        var task = new TaskInput
        {
            LedgerId = ledger.Id,
            Name = input.Name,
            Content = input.Content,
            LeadUnitId = input.FollowingUnitId,
            LeaderId = input.LeaderId,
            LiaisonId = input.LiaisonId,
            StartDate = existing?.StartDate ?? work.Today,
            Cadence = ReportingCadence.DefaultFor(WorkItemKind.Lead).Kind,
            CadenceDay = ReportingCadence.DefaultFor(WorkItemKind.Lead).Day,
            CadenceHour = ReportingCadence.DefaultFor(WorkItemKind.Lead).Hour,
        };

        var shape = new WorkItemShape(WorkItemKind.Lead, errors => ValidateAsync(input, scope.RegionId, id is null, errors, ct), async (item, isNew) =>
        {
            if (lead is null)
            {
                lead = new Lead { RegionId = scope.RegionId, WorkItemId = item.Id, Investor = input.Investor!.Trim() };
                lead.Start(work.Today, input.Stage);
                db.Leads.Add(lead);
                await db.SaveChangesAsync(ct);
                db.LeadStageChanges.Add(LeadStageChange.Next(null, lead, work.Today));
            }

            lead.Investor = input.Investor!.Trim();
            lead.InvestorOrigin = Trim(input.InvestorOrigin);
            lead.IndustryNodeId = input.IndustryNodeId;
            lead.Industry = Trim(input.Industry) ?? (input.IndustryNodeId is { } node ? await db.IndustryNodes.Where(n => n.Id == node).Select(n => n.Name).FirstAsync(ct) : null);
            lead.Source = input.Source;
            lead.SourceText = Trim(input.SourceText);
            lead.PlannedInvestment = input.PlannedInvestment is { } p ? decimal.Round(p, 2) : null;
            item.Section = lead.Industry;
            item.FollowLead(lead, item.StartDate);
        });

        var outcome = await save.RunAsync(id, task, shape, ct);
        return outcome.Kind == OutcomeKind.Invalid ? Outcome<WorkItem>.Invalid(outcome.Errors!.Renamed(TaskFieldNames)) : outcome;
    }

    private static readonly Dictionary<string, string> TaskFieldNames = new(StringComparer.Ordinal)
    {
        [nameof(TaskInput.LeadUnitId)] = nameof(LeadInput.FollowingUnitId),
    };

    private async Task ValidateAsync(LeadInput input, int regionId, bool isNew, ValidationErrors errors, CancellationToken ct)
    {
        Text(input.Investor, 200, nameof(LeadInput.Investor), errors, required: true);
        Text(input.InvestorOrigin, 100, nameof(LeadInput.InvestorOrigin), errors);
        Text(input.Industry, 100, nameof(LeadInput.Industry), errors);
        Text(input.SourceText, 50, nameof(LeadInput.SourceText), errors);
        Text(input.Name, 500, nameof(LeadInput.Name), errors);
        Text(input.Content, 4000, nameof(LeadInput.Content), errors);
        if (!Enum.IsDefined(input.Source))
        {
            errors.Add(nameof(LeadInput.Source), l["Validation.Invalid"]);
        }

        if (isNew && input.Stage is not (LeadStage.Clue or LeadStage.Intent or LeadStage.Negotiating))
        {
            errors.Add(nameof(LeadInput.Stage), l["Leads.RegisterStage"]);
        }

        if (input.PlannedInvestment is < 0 or > MaxAmount)
        {
            errors.Add(nameof(LeadInput.PlannedInvestment), l["Projects.AmountRange"]);
        }

        if (input.IndustryNodeId is { } node && !await db.IndustryNodes.AnyAsync(n => n.Id == node && n.RegionId == regionId, ct))
        {
            errors.Add(nameof(LeadInput.IndustryNodeId), l["Validation.Invalid"]);
        }
    }

    public async Task<Outcome<LeadContact>> AddContactAsync(int id, ContactInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var (item, lead) = await LoadAsync(scope, id, ct);
        if (item is null || lead is null)
        {
            return Outcome<LeadContact>.NotFound();
        }

        scope.Demand(Permission.FollowLeads, item);
        var errors = new ValidationErrors();
        var people = Text(input.People, 300, nameof(ContactInput.People), errors, required: true);
        var agreed = Text(input.Agreed, 2000, nameof(ContactInput.Agreed), errors, required: true);
        var next = Text(input.NextStep, 500, nameof(ContactInput.NextStep), errors);
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(ContactInput.Kind), l["Validation.Invalid"]);
        }

        if (input.On is null)
        {
            errors.Add(nameof(ContactInput.On), l["Validation.Required"]);
        }
        else if (!InputBounds.IsPlausible(input.On.Value) || input.On < item.StartDate.AddYears(-5))
        {
            errors.Add(nameof(ContactInput.On), l["Validation.Invalid"]);
        }

        if (input.NextStepDue is { } due && !InputBounds.IsPlausible(due))
        {
            errors.Add(nameof(ContactInput.NextStepDue), l["Validation.Invalid"]);
        }

        if (!lead.IsOpen)
        {
            errors.Add(string.Empty, l["Refusal.Closed"]);
        }

        if (!errors.Any && lead.Contacted(input.On!.Value, next, input.NextStepDue, work.Today) is { } refusal)
        {
            errors.Add(refusal == Refusal.NextStepBeforeContact ? nameof(ContactInput.NextStepDue) : nameof(ContactInput.On), l["Refusal." + refusal.Code]);
        }

        if (errors.Any)
        {
            return Outcome<LeadContact>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var contact = new LeadContact
        {
            RegionId = lead.RegionId,
            LeadId = lead.Id,
            On = input.On!.Value,
            Kind = input.Kind,
            People = people!,
            Agreed = agreed!,
            NextStep = next,
            NextStepDue = input.NextStepDue,
            RecordedById = scope.PersonId,
            RecordedAt = work.UtcNow,
        };
        db.LeadContacts.Add(contact);
        await RefreshAsync(item, lead, ct);
        await transaction.CommitAsync(ct);
        return Outcome<LeadContact>.Ok(contact);
    }

    public async Task<Outcome<Lead>> MoveAsync(int id, LeadStageInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var (item, lead) = await LoadAsync(scope, id, ct);
        if (item is null || lead is null)
        {
            return Outcome<Lead>.NotFound();
        }

        scope.Demand(Permission.FollowLeads, item);
        var errors = new ValidationErrors();
        if (input.On is null)
        {
            errors.Add(nameof(LeadStageInput.On), l["Validation.Required"]);
        }

        if (input.SignedAmount is < 0 or > MaxAmount)
        {
            errors.Add(nameof(LeadStageInput.SignedAmount), l["Projects.AmountRange"]);
        }

        if (input.Stage == LeadStage.Landed)
        {
            errors.Add(nameof(LeadStageInput.Stage), l["Refusal.LandThroughAction"]);
        }

        if (!errors.Any && lead.Advance(input.Stage, input.On!.Value, work.Today, input.SignedAmount is { } a ? decimal.Round(a, 2) : null) is { } refusal)
        {
            errors.Add(refusal == Refusal.AgreementRequired ? nameof(LeadStageInput.SignedAmount) : refusal == Refusal.UnknownStage || refusal == Refusal.StageOutOfOrder ? nameof(LeadStageInput.Stage) : nameof(LeadStageInput.On), l["Refusal." + refusal.Code]);
        }

        if (errors.Any)
        {
            return Outcome<Lead>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StageChangedAsync(lead, input.On!.Value, ct);
        await RefreshAsync(item, lead, ct);
        await transaction.CommitAsync(ct);
        return Outcome<Lead>.Ok(lead);
    }

    public async Task<Outcome<Lead>> TerminateAsync(int id, TerminationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var (item, lead) = await LoadAsync(scope, id, ct);
        if (item is null || lead is null)
        {
            return Outcome<Lead>.NotFound();
        }

        scope.Demand(Permission.FollowLeads, item);
        var errors = new ValidationErrors();
        var reason = Text(input.Reason, 500, nameof(TerminationInput.Reason), errors, required: true);
        var on = input.On ?? work.Today;
        if (!errors.Any && lead.Terminate(reason!, on, work.Today) is { } refusal)
        {
            errors.Add(refusal == Refusal.ReasonRequired ? nameof(TerminationInput.Reason) : nameof(TerminationInput.On), l["Refusal." + refusal.Code]);
        }

        if (errors.Any)
        {
            return Outcome<Lead>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StageChangedAsync(lead, lead.StageSince, ct);
        await RefreshAsync(item, lead, ct);
        await transaction.CommitAsync(ct);
        return Outcome<Lead>.Ok(lead);
    }

    public async Task<Outcome<Lead>> RestoreAsync(int id, CancellationToken ct = default)
    {
        var scope = await work.ScopeAsync(ct);
        var (item, lead) = await LoadAsync(scope, id, ct);
        if (item is null || lead is null)
        {
            return Outcome<Lead>.NotFound();
        }

        scope.Demand(Permission.EditWork, item);
        if (lead.Restore(work.Today) is { } refusal)
        {
            var errors = new ValidationErrors();
            errors.Add(string.Empty, l["Refusal." + refusal.Code]);
            return Outcome<Lead>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StageChangedAsync(lead, work.Today, ct);
        await RefreshAsync(item, lead, ct);
        await transaction.CommitAsync(ct);
        return Outcome<Lead>.Ok(lead);
    }

    /// <summary>
    /// 落地: in one transaction, a key project is entered with the lead's name, unit, leader and steward, the
    /// investor as its owner and the lead's industry as its chain, signed on the agreement's day and started on
    /// the landing day; the lead is closed and points at it.
    /// </summary>
    public async Task<Outcome<WorkItem>> LandAsync(int id, LandingInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var (item, lead) = await LoadAsync(scope, id, ct);
        if (item is null || lead is null)
        {
            return Outcome<WorkItem>.NotFound();
        }

        scope.Demand(Permission.EditWork, item);
        var errors = new ValidationErrors();
        var on = input.On ?? work.Today;
        if (!lead.IsOpen)
        {
            errors.Add(string.Empty, l["Refusal.Closed"]);
        }
        else if (lead.SignedOn is null)
        {
            errors.Add(string.Empty, l["Refusal.NotSigned"]);
        }
        else if (on > work.Today)
        {
            errors.Add(nameof(LandingInput.On), l["Refusal.DateInFuture"]);
        }
        else if (on < lead.StageSince)
        {
            errors.Add(nameof(LandingInput.On), l["Refusal.StageBeforePrevious"]);
        }

        if (input.LedgerId is null)
        {
            errors.Add(nameof(LandingInput.LedgerId), l["Validation.Required"]);
        }

        if (errors.Any)
        {
            return Outcome<WorkItem>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var project = await saveProject.RunAsync(null, new ProjectInput
        {
            LedgerId = input.LedgerId,
            Name = item.Name,
            LeadUnitId = item.LeadUnitId,
            LeaderId = item.LeaderId,
            StewardId = item.LiaisonId,
            Pool = ProjectPool.Implementation,
            Nature = ProjectNature.New,
            Category = input.Category,
            IndustryChain = lead.Industry,
            OwnerCompany = lead.Investor.Length > 200 ? lead.Investor[..200] : lead.Investor,
            TownUnitId = input.TownUnitId,
            Scale = item.Content,
            StartYear = on.Year,
            TotalInvestment = input.TotalInvestment ?? lead.SignedAmount ?? lead.PlannedInvestment ?? 0,
            SignedPlanned = lead.SignedOn,
            StartPlanned = on,
        }, ct);
        if (project.Kind != OutcomeKind.Ok)
        {
            await transaction.RollbackAsync(ct);
            return project.Kind == OutcomeKind.Invalid ? Outcome<WorkItem>.Invalid(project.Errors!.Renamed(LandingFieldNames)) : Outcome<WorkItem>.NotFound();
        }

        var projectRow = await db.Projects.FirstAsync(p => p.WorkItemId == project.Value!.Id, ct);
        projectRow.Reach(ProjectStage.Signed, lead.SignedOn!.Value, work.Today);
        projectRow.Reach(ProjectStage.Started, on, work.Today);
        project.Value!.FollowStage(projectRow);
        project.Value.PlannedStartMonth = projectRow.PlannedStartMonthWhileNotStarted;
        lead.Land(on, project.Value.Id, work.Today);
        await StageChangedAsync(lead, on, ct);
        await RefreshAsync(item, lead, ct);
        await lights.RunAsync(scope.RegionId, project.Value.Id, ct);
        await transaction.CommitAsync(ct);
        return Outcome<WorkItem>.Ok(project.Value);
    }

    private static readonly Dictionary<string, string> LandingFieldNames = new(StringComparer.Ordinal)
    {
        [nameof(ProjectInput.TotalInvestment)] = nameof(LandingInput.TotalInvestment),
        [nameof(ProjectInput.TownUnitId)] = nameof(LandingInput.TownUnitId),
        [nameof(ProjectInput.LedgerId)] = nameof(LandingInput.LedgerId),
    };

    /// <summary>The region's lead ledger (招商引资项目台账), made on first use; leads span years, so there is one.</summary>
    public async Task<Ledger> LedgerAsync(int regionId, CancellationToken ct)
    {
        var ledgerId = await db.WorkItems.Where(w => w.RegionId == regionId && w.Kind == WorkItemKind.Lead).Select(w => (int?)w.LedgerId).FirstOrDefaultAsync(ct);
        if (ledgerId is not null)
        {
            return await db.Ledgers.FirstAsync(x => x.Id == ledgerId, ct);
        }

        var name = l["Leads.LedgerName"].Value;
        var existing = await db.Ledgers.FirstOrDefaultAsync(x => x.RegionId == regionId && x.Name == name, ct);
        if (existing is not null)
        {
            return existing;
        }

        var ledger = new Ledger { RegionId = regionId, Name = name, Year = work.Today.Year, SourceKind = SourceKind.Other };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync(ct);
        return ledger;
    }

    /// <summary>
    /// The open stay is left and the lead's new stage begins its own. The open stay may not be saved yet (a lead an
    /// import has just made), so the context's own rows are looked at before the database.
    /// </summary>
    public async Task StageChangedAsync(Lead lead, DateOnly on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var open = db.LeadStageChanges.Local.Where(c => c.LeadId == lead.Id && c.LeftDay == null).OrderByDescending(c => c.OnDay).FirstOrDefault()
            ?? await db.LeadStageChanges.Where(c => c.LeadId == lead.Id && c.LeftDay == null).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        db.LeadStageChanges.Add(LeadStageChange.Next(open, lead, on));
    }

    private async Task RefreshAsync(WorkItem item, Lead lead, CancellationToken ct)
    {
        item.FollowLead(lead, item.StartDate);
        await db.SaveChangesAsync(ct);
        await lights.RunAsync(item.RegionId, item.Id, ct);
    }

    private async Task<(WorkItem? Item, Lead? Lead)> LoadAsync(AccessScope scope, int id, CancellationToken ct)
    {
        var item = await db.WorkItems.VisibleTo(db, scope).FirstOrDefaultAsync(w => w.Id == id && w.Kind == WorkItemKind.Lead, ct);
        var lead = item is null ? null : await db.Leads.FirstOrDefaultAsync(x => x.WorkItemId == id, ct);
        return (item, lead);
    }

    private string? Text(string? value, int max, string field, ValidationErrors errors, bool required = false) =>
        FieldText.Read(value, max, field, errors, l, required);

    private static string? Trim(string? value) => FieldText.Trim(value);
}
