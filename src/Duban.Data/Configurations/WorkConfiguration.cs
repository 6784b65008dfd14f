using Duban.Domain.LedgerFiles;
using Duban.Domain.Organisation;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Configurations;

internal sealed class LedgerConfiguration : IEntityTypeConfiguration<Ledger>
{
    public void Configure(EntityTypeBuilder<Ledger> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.SourceTitle).HasMaxLength(200);
        builder.Property(l => l.SourceKind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Region>().WithMany().HasForeignKey(l => l.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.RegionId, l.Year });
    }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(500);
        builder.Property(w => w.Content).HasMaxLength(4000);
        builder.Property(w => w.Number).HasMaxLength(32);
        builder.Property(w => w.Path).HasMaxLength(400);
        builder.Property(w => w.LeadUnitPath).HasMaxLength(400);
        builder.Property(w => w.SourceTitle).HasMaxLength(300);
        builder.Property(w => w.SourceDocNumber).HasMaxLength(100);
        builder.Property(w => w.TargetUnit).HasMaxLength(20);
        builder.Property(w => w.TargetValue).HasPrecision(18, 4);
        builder.Property(w => w.Tags).HasMaxLength(200);
        builder.Property(w => w.Section).HasMaxLength(200);
        builder.Property(w => w.NextMilestoneName).HasMaxLength(300);
        builder.Property(w => w.LightReasonText).HasMaxLength(300);
        builder.Property(w => w.ExemptReason).HasMaxLength(500);
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.SourceKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.CadenceKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.ProblemCause).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.Light).HasConversion<string>().HasMaxLength(8);
        builder.Property(w => w.PreviousLight).HasConversion<string>().HasMaxLength(8);
        builder.Property(w => w.LightReason).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(w => w.Cadence);
        builder.Ignore(w => w.IsOngoing);
        builder.HasOne<Region>().WithMany().HasForeignKey(w => w.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ledger>().WithMany().HasForeignKey(w => w.LedgerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(w => w.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(w => w.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(w => w.LeaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(w => w.LiaisonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(w => w.Milestones).WithOne().HasForeignKey(m => m.WorkItemId).OnDelete(DeleteBehavior.Cascade);

        // The ledger page filters by region, ledger, lead unit subtree and light.
        builder.HasIndex(w => new { w.RegionId, w.LedgerId, w.Light });
        // A subtree's items by one range on the path; kind, light, ledger and id ride along so that lists
        // (filtered by kind and light, sorted by ledger and id) are counted and sorted from the index alone.
        builder.HasIndex(w => new { w.RegionId, w.LeadUnitPath, w.Kind, w.Light, w.LedgerId, w.Id }).HasDatabaseName("IX_WorkItems_RegionId_LeadUnitPath");
        builder.HasIndex(w => new { w.RegionId, w.Status });
        // A ledger's items by kind: whether it holds projects is one probe, not a walk through its tasks.
        builder.HasIndex(w => new { w.LedgerId, w.Kind });
        builder.HasIndex(w => w.LiaisonId);
        builder.HasIndex(w => w.LeaderId);
        builder.HasIndex(w => w.ParentId);
        builder.HasIndex(w => new { w.RegionId, w.Kind, w.Status });

        // The overview counts every item of a region by lead unit, kind and light with five conditions: an index
        // holding all the columns it reads is scanned instead of the wide rows (province: 186 → 70 ms on SQLite).
        builder.HasIndex(w => new { w.RegionId, w.LeadUnitId, w.Kind, w.Light, w.Status, w.Deadline, w.ClosedOn, w.LightReason, w.NextReportDueAt, w.ExtensionCount })
            .HasDatabaseName("IX_WorkItems_Overview");

        // The most lagging: red items in the order they turned red, read from the front of the index.
        builder.HasIndex(w => new { w.RegionId, w.Light, w.LightSince, w.Id }).HasDatabaseName("IX_WorkItems_Lagging");
        // The pipeline board's most lagging leads, the same way: in the region-wide index the leads sit behind every
        // task lit at the same instant, and sorting all 23,000 lagging leads cost 55 ms (province, PostgreSQL).
        builder.HasIndex(w => new { w.RegionId, w.Light, w.LightSince, w.Id }, "IX_WorkItems_LeadLagging").HasFilter("\"Kind\" = 'Lead'");

        // A project's problems, for the count of overdue ones the light reads. Partial: most items have no
        // parent, and a full index on ParentId looks useless to the planner's statistics.
        builder.HasIndex(w => new { w.ParentId, w.Status }).HasFilter("\"Kind\" = 'Problem'").HasDatabaseName("IX_WorkItems_Problems_ParentId");
    }
}

internal sealed class WorkItemUnitConfiguration : IEntityTypeConfiguration<WorkItemUnit>
{
    public void Configure(EntityTypeBuilder<WorkItemUnit> builder)
    {
        builder.HasKey(s => new { s.WorkItemId, s.UnitId });
        builder.Property(s => s.UnitPath).HasMaxLength(400);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(s => s.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RegionId, s.UnitPath });
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(300);
        builder.Ignore(m => m.IsOpen);
        builder.HasIndex(m => new { m.WorkItemId, m.DoneOn, m.Due });
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.Property(r => r.Done).HasMaxLength(4000);
        builder.Property(r => r.Problems).HasMaxLength(2000);
        builder.Property(r => r.NextSteps).HasMaxLength(2000);
        builder.Property(r => r.SubmittedByName).HasMaxLength(100);
        builder.Property(r => r.ProblemCause).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(r => r.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.WorkItemId, r.SubmittedAt });
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Statement).HasMaxLength(4000);
        builder.Property(r => r.ReviewNote).HasMaxLength(2000);
        builder.Property(r => r.RequestedByName).HasMaxLength(100);
        builder.Property(r => r.ReviewedByName).HasMaxLength(100);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(r => r.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RegionId, r.Status, r.Kind });
        builder.HasIndex(r => r.WorkItemId);
    }
}

internal sealed class LightChangeConfiguration : IEntityTypeConfiguration<LightChange>
{
    public void Configure(EntityTypeBuilder<LightChange> builder)
    {
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Reason).HasConversion<string>().HasMaxLength(20);
        // The overview's weekly trend counts a region's changes by day and colour from this index alone.
        builder.HasIndex(c => new { c.RegionId, c.At, c.To });
        builder.HasIndex(c => new { c.WorkItemId, c.At });
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(50);
        builder.HasIndex(d => new { d.RegionId, d.Date }).IsUnique();
    }
}

internal sealed class RegionLightSettingsConfiguration : IEntityTypeConfiguration<RegionLightSettings>
{
    public void Configure(EntityTypeBuilder<RegionLightSettings> builder)
    {
        builder.HasIndex(s => s.RegionId).IsUnique();
        builder.Property(s => s.TimeCurve).HasMaxLength(100);
        builder.Property(s => s.BulletinWeekday).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.BulletinOffice).HasMaxLength(100);
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.Answer).HasMaxLength(4000);
        builder.Property(n => n.IssuedByName).HasMaxLength(100);
        builder.Property(n => n.AnsweredByName).HasMaxLength(100);
        builder.Ignore(n => n.Number);
        builder.Ignore(n => n.IsAnswered);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(n => n.WorkItemId).OnDelete(DeleteBehavior.Cascade);

        // Two offices issuing at once cannot take the same number: the second insert fails and retries.
        builder.HasIndex(n => new { n.RegionId, n.Kind, n.Year, n.Sequence }).IsUnique();
        builder.HasIndex(n => n.WorkItemId);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(2000);
        builder.Property(m => m.DedupKey).HasMaxLength(100);
        builder.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.HasIndex(m => new { m.AccountId, m.ReadAt, m.CreatedAt });
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Target).HasMaxLength(500);
        builder.Property(d => d.Subject).HasMaxLength(300);
        builder.Property(d => d.Body).HasMaxLength(4000);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.DedupKey).HasMaxLength(120);
        builder.HasIndex(d => d.DedupKey).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StorageKey).HasMaxLength(200);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasOne<ProgressReport>().WithMany().HasForeignKey(a => a.ProgressReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ProgressReportId);
        builder.HasIndex(a => a.WorkItemId);
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Pool).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.PoolBeforeWithdrawal).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Nature).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.WithdrawalReason).HasMaxLength(500);
        builder.Property(p => p.WithdrawalApprovedBy).HasMaxLength(100);
        builder.Property(p => p.IndustryChain).HasMaxLength(100);
        builder.Property(p => p.OwnerCompany).HasMaxLength(200);
        builder.Property(p => p.Scale).HasMaxLength(2000);
        builder.Property(p => p.TotalInvestment).HasPrecision(18, 2);
        builder.Ignore(p => p.IsLarge);
        builder.Ignore(p => p.PlannedStartMonthWhileNotStarted);
        builder.HasOne<WorkItem>().WithOne().HasForeignKey<Project>(p => p.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.TownUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.WorkItemId).IsUnique();
        builder.HasIndex(p => new { p.RegionId, p.Pool, p.Stage });
    }
}

internal sealed class ProjectYearPlanConfiguration : IEntityTypeConfiguration<ProjectYearPlan>
{
    public void Configure(EntityTypeBuilder<ProjectYearPlan> builder)
    {
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(p => p.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.WorkItemId, p.Year }).IsUnique();
    }
}

internal sealed class ProjectInvestmentConfiguration : IEntityTypeConfiguration<ProjectInvestment>
{
    public void Configure(EntityTypeBuilder<ProjectInvestment> builder)
    {
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.RecordedByName).HasMaxLength(100);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(p => p.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.WorkItemId, p.Year, p.Month }).IsUnique();
    }
}

internal sealed class RegionMapConfiguration : IEntityTypeConfiguration<RegionMap>
{
    public void Configure(EntityTypeBuilder<RegionMap> builder)
    {
        builder.Property(m => m.FileName).HasMaxLength(200);
        builder.HasIndex(m => m.RegionId).IsUnique();
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.CreatedByName).HasMaxLength(100);
        builder.HasOne<Ledger>().WithMany().HasForeignKey(b => b.LedgerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(b => new { b.RegionId, b.CreatedAt });
    }
}

internal sealed class ImportTemplateConfiguration : IEntityTypeConfiguration<ImportTemplate>
{
    public void Configure(EntityTypeBuilder<ImportTemplate> builder) => builder.HasIndex(t => new { t.RegionId, t.Kind }).IsUnique();
}

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Duban.Domain.Bulletins.Bulletin>
{
    public void Configure(EntityTypeBuilder<Duban.Domain.Bulletins.Bulletin> builder)
    {
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.Property(b => b.IssuingOffice).HasMaxLength(100);
        builder.Property(b => b.Addressee).HasMaxLength(200);
        builder.Property(b => b.Summary).HasMaxLength(Duban.Domain.Bulletins.Bulletin.MaxText);
        builder.Property(b => b.Requirements).HasMaxLength(Duban.Domain.Bulletins.Bulletin.MaxText);
        builder.Property(b => b.CopyTo).HasMaxLength(500);
        builder.Property(b => b.ComposedByName).HasMaxLength(100);
        builder.Property(b => b.IssuedByName).HasMaxLength(100);
        builder.Ignore(b => b.Number);
        builder.Ignore(b => b.IsIssued);

        // One bulletin of a kind per period, even when several app nodes compose drafts on schedule at once;
        // and one number per kind and year, even when two offices issue at once.
        builder.HasIndex(b => new { b.RegionId, b.Kind, b.PeriodStart }).IsUnique();
        builder.HasIndex(b => new { b.RegionId, b.Kind, b.Year, b.Sequence }).IsUnique();
    }
}
