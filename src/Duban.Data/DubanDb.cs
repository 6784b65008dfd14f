using Duban.Domain.Indicators;
using Duban.Domain.LedgerFiles;
using Duban.Domain.Organisation;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data;

public sealed class DubanDb(DbContextOptions<DubanDb> options, IActorAccessor? actors = null)
    : IdentityDbContext<Account, Role, int>(options), IDataProtectionKeyContext
{
    private readonly IActorAccessor actors = actors ?? new SystemActorAccessor();

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Ledger> Ledgers => Set<Ledger>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<WorkItemUnit> WorkItemUnits => Set<WorkItemUnit>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<LightChange> LightChanges => Set<LightChange>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<RegionLightSettings> RegionLightSettings => Set<RegionLightSettings>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectYearPlan> ProjectYearPlans => Set<ProjectYearPlan>();
    public DbSet<ProjectInvestment> ProjectInvestments => Set<ProjectInvestment>();
    public DbSet<RegionMap> RegionMaps => Set<RegionMap>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportTemplate> ImportTemplates => Set<ImportTemplate>();
    public DbSet<Duban.Domain.Bulletins.Bulletin> Bulletins => Set<Duban.Domain.Bulletins.Bulletin>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<Duban.Domain.Promotion.Lead> Leads => Set<Duban.Domain.Promotion.Lead>();
    public DbSet<Duban.Domain.Promotion.LeadContact> LeadContacts => Set<Duban.Domain.Promotion.LeadContact>();
    public DbSet<Duban.Domain.Promotion.LeadStageChange> LeadStageChanges => Set<Duban.Domain.Promotion.LeadStageChange>();
    public DbSet<Duban.Domain.Promotion.Firm> Firms => Set<Duban.Domain.Promotion.Firm>();
    public DbSet<Duban.Domain.Promotion.FirmNeed> FirmNeeds => Set<Duban.Domain.Promotion.FirmNeed>();
    public DbSet<Duban.Domain.Promotion.NeedRating> NeedRatings => Set<Duban.Domain.Promotion.NeedRating>();
    public DbSet<Duban.Domain.Promotion.Trip> Trips => Set<Duban.Domain.Promotion.Trip>();
    public DbSet<Duban.Domain.Promotion.FundsArrival> FundsArrivals => Set<Duban.Domain.Promotion.FundsArrival>();
    public DbSet<Duban.Domain.Promotion.IndustryNode> IndustryNodes => Set<Duban.Domain.Promotion.IndustryNode>();

    /// <summary>Cookie and antiforgery keys live in the database so that several app nodes share them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The tenant every query is confined to; null for the system (CLI, jobs), which sees all regions.
    /// EF reads this field on every query, so one context instance never leaks across regions.
    /// </summary>
    public int? TenantRegionId => actors.Current.RegionId;

    public Actor CurrentActor => actors.Current;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DubanDb).Assembly);

        if (Database.IsNpgsql())
        {
            // Tree paths are compared as byte ranges (PathRange); PostgreSQL's default collation would
            // order '/' and digits by language rules, so these columns use "C".
            builder.Entity<Unit>().Property(u => u.Path).UseCollation("C");
            builder.Entity<WorkItem>().Property(w => w.Path).UseCollation("C");
            builder.Entity<WorkItem>().Property(w => w.LeadUnitPath).UseCollation("C");
            builder.Entity<WorkItemUnit>().Property(w => w.UnitPath).UseCollation("C");
        }

        builder.Entity<Unit>().HasQueryFilter(u => TenantRegionId == null || u.RegionId == TenantRegionId);
        builder.Entity<Person>().HasQueryFilter(p => TenantRegionId == null || p.RegionId == TenantRegionId);
        builder.Entity<Region>().HasQueryFilter(r => TenantRegionId == null || r.Id == TenantRegionId);
        builder.Entity<AuditEntry>().HasQueryFilter(a => TenantRegionId == null || a.RegionId == TenantRegionId);
        builder.Entity<Account>().HasQueryFilter(a => TenantRegionId == null || a.RegionId == TenantRegionId);
        builder.Entity<Ledger>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<WorkItem>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<WorkItemUnit>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Milestone>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<ProgressReport>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Review>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<LightChange>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<CalendarDay>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Notice>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Attachment>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Delivery>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Message>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<RegionLightSettings>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Project>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<ProjectYearPlan>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<ProjectInvestment>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<RegionMap>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<ImportBatch>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<ImportTemplate>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Bulletins.Bulletin>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Indicator>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<IndicatorTarget>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<IndicatorValue>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Promotion.Lead>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Promotion.LeadContact>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Promotion.LeadStageChange>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Promotion.Firm>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Promotion.FirmNeed>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Promotion.NeedRating>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Promotion.Trip>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Promotion.FundsArrival>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
        builder.Entity<Duban.Domain.Promotion.IndustryNode>().HasQueryFilter(x => TenantRegionId == null || x.RegionId == TenantRegionId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Instants are UTC everywhere; Npgsql insists on Kind=Utc and SQLite loses the kind on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    // EF's synchronous entry point (used by nothing in the app, only by tools) goes through the one audited path.
#pragma warning disable RS0030 // sync over async, deliberately: there is one save path and it is asynchronous
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
#pragma warning restore RS0030

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveCoreAsync(acceptAllChangesOnSuccess, null, cancellationToken);

    /// <summary>
    /// Saves, and between writing the new rows and writing their audit entries runs <paramref name="keysAssigned"/>,
    /// which may use the new ids: what it changes or adds (a path made of an id, rows that point at it, none of
    /// them audited entities of their own) is written with the audit entries in one round trip, and the
    /// entries record the rows as they are after it.
    /// </summary>
    public Task<int> SaveChangesAsync(Action keysAssigned, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keysAssigned);
        return SaveCoreAsync(true, keysAssigned, cancellationToken);
    }

    private async Task<int> SaveCoreAsync(bool acceptAllChangesOnSuccess, Action? keysAssigned, CancellationToken cancellationToken)
    {
        var pending = AuditTrail.Capture(ChangeTracker, roleId => Roles.Find(roleId)?.Name ?? roleId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (pending.Count == 0 && keysAssigned is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // When every row's id is known before it is written (changes to existing rows, new rows whose id was
        // reserved), the audit entries go into the same batch as the change: one save, one round trip.
        if (keysAssigned is null && pending.TrueForAll(p => !p.Entry.Properties.Any(x => x.Metadata.IsPrimaryKey() && x.IsTemporary)))
        {
            var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
            ChangeTracker.AutoDetectChangesEnabled = false;
            List<AuditEntry> written;
            int saved;
            try
            {
                written = AddAuditEntries(pending);
                saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            finally
            {
                ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }

            Detach(written);
            return saved - written.Count;
        }

        // Otherwise the change and its audit rows commit together: new rows need their generated ids first,
        // so this saves twice inside one transaction.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // Capture has just detected the changes; scanning every tracked entity again for each of the two
            // saves is what makes a 10,000-row import slow, so both saves skip it.
            var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
            ChangeTracker.AutoDetectChangesEnabled = false;
            int count;
            List<AuditEntry> entries;
            try
            {
                count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (keysAssigned is not null)
                {
                    keysAssigned();
                    ChangeTracker.DetectChanges();
                }

                entries = AddAuditEntries(pending);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            finally
            {
                ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }

            Detach(entries);

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    // The trail records when a change really happened, on the system clock, even while a test pins the app's.
    private List<AuditEntry> AddAuditEntries(List<AuditTrail.Pending> pending)
    {
        var entries = AuditTrail.Complete(pending, CurrentActor, TimeProvider.System.GetUtcNow().UtcDateTime, accountId => Users.IgnoreQueryFilters().Where(a => a.Id == accountId).Select(a => (int?)a.RegionId).FirstOrDefault()).ToList();
        AuditEntries.AddRange(entries);
        return entries;
    }

    /// <summary>The trail is append-only and nobody reads it through this context: stop tracking what was written.</summary>
    private void Detach(List<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            Entry(entry).State = EntityState.Detached;
        }
    }
}

internal sealed class UtcDateTimeConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>
/// Another context on the same database and for the same actor, for a request that reads several things at
/// once (a context runs one command at a time). Its tenant filter is the request's.
/// </summary>
public sealed class DubanDbForks(DbContextOptions<DubanDb> options, IActorAccessor actors)
{
    public DubanDb Create() => new(options, actors);
}
