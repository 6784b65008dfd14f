using Duban.Domain.Audit;

namespace Duban.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime At = new DateTime(2026, 3, 31, 23, 30, 0, DateTimeKind.Utc).AddTicks(1_234_567);

    private static AuditRecord Record(long id = 42, string? after = """{"Name":"新"}""") =>
        new(id, 7, At, null, "督查室 张三", "Unit", 9, "Updated", """{"Name":"旧"}""", after);

    [Fact]
    public void The_canonical_form_is_the_documented_one()
    {
        // Computed outside .NET from the form written in AuditChain.Hash (length-prefixed UTF-8 fields, the
        // instant cut to microseconds), so that anybody can check a chain with their own tools.
        Assert.Equal("8d01e135a11c96b505d1423a85ec9d729eab5cea397676df03b12c04e93913db", AuditChain.Hash(3, AuditChain.Genesis, Record()));
    }

    [Fact]
    public void Every_field_the_entry_holds_is_in_the_hash()
    {
        var original = AuditChain.Hash(3, AuditChain.Genesis, Record());
        var variants = new[]
        {
            AuditChain.Hash(4, AuditChain.Genesis, Record()),
            AuditChain.Hash(3, new string('1', 64), Record()),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { Id = 43 }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { RegionId = 8 }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { RegionId = null }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { At = At.AddTicks(10) }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { ActorId = 1 }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { ActorName = "督查室 李四" }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { EntityType = "Person" }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { EntityId = 10 }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { Action = "Created" }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { Before = null }),
            AuditChain.Hash(3, AuditChain.Genesis, Record() with { After = """{"Name":"新 "}""" }),
        };
        Assert.All(variants, v => Assert.NotEqual(original, v));
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }

    [Fact]
    public void Fields_cannot_trade_characters_and_null_is_not_empty()
    {
        var split = Record() with { Before = "ab", After = "c" };
        var moved = Record() with { Before = "a", After = "bc" };
        Assert.NotEqual(AuditChain.Hash(1, AuditChain.Genesis, split), AuditChain.Hash(1, AuditChain.Genesis, moved));
        Assert.NotEqual(AuditChain.Hash(1, AuditChain.Genesis, Record() with { Before = null }), AuditChain.Hash(1, AuditChain.Genesis, Record() with { Before = string.Empty }));
    }

    [Fact]
    public void The_instant_counts_to_the_microsecond_both_databases_keep()
    {
        // PostgreSQL keeps microseconds, SQLite every tick: the same entry read back from either hashes alike.
        var stored = Record() with { At = new DateTime(At.Ticks - (At.Ticks % 10), DateTimeKind.Utc) };
        var unspecified = Record() with { At = DateTime.SpecifyKind(At, DateTimeKind.Unspecified) };
        Assert.Equal(AuditChain.Hash(1, AuditChain.Genesis, Record()), AuditChain.Hash(1, AuditChain.Genesis, stored));
        Assert.Equal(AuditChain.Hash(1, AuditChain.Genesis, Record()), AuditChain.Hash(1, AuditChain.Genesis, unspecified));
    }

    private static List<SealedRecord> Chain(int length)
    {
        var records = Enumerable.Range(1, length).Select(i => Record(100 + i, $$"""{"Name":"第{{i}}次"}""")).ToList();
        var links = AuditChain.Seal(0, AuditChain.Genesis, records);
        return records.Zip(links, (r, l) => new SealedRecord(l.Sequence, l.Hash, r)).ToList();
    }

    [Fact]
    public void A_sealed_chain_verifies_to_its_head_and_sealing_more_continues_it()
    {
        var chain = Chain(5);
        var report = AuditChain.Verify(chain);
        Assert.True(report.Intact);
        Assert.Equal(5, report.VerifiedThrough);
        Assert.Equal(chain[^1].Hash, report.HeadHash);

        var more = AuditChain.Seal(5, chain[^1].Hash, [Record(200)]);
        chain.Add(new SealedRecord(more[0].Sequence, more[0].Hash, Record(200)));
        Assert.Equal(6, AuditChain.Verify(chain).VerifiedThrough);

        var empty = AuditChain.Verify([]);
        Assert.True(empty.Intact);
        Assert.Null(empty.HeadHash);
    }

    [Fact]
    public void An_edited_entry_is_the_first_broken_link()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Record = chain[2].Record with { After = """{"Name":"改过"}""" } };
        var report = AuditChain.Verify(chain);
        Assert.Equal(new ChainBreak(ChainBreakKind.Altered, 3, 103), report.Break);
        Assert.Equal(2, report.VerifiedThrough);
        Assert.Equal(chain[1].Hash, report.HeadHash);
    }

    [Fact]
    public void An_edit_that_recomputes_the_entrys_own_hash_breaks_the_next_link()
    {
        var chain = Chain(5);
        var forged = chain[2].Record with { After = """{"Name":"改过"}""" };
        chain[2] = new SealedRecord(3, AuditChain.Hash(3, chain[1].Hash, forged), forged);
        Assert.Equal(new ChainBreak(ChainBreakKind.Altered, 4, 104), AuditChain.Verify(chain).Break);
    }

    [Fact]
    public void A_deleted_entry_is_a_gap_in_the_sequence()
    {
        var chain = Chain(5);
        chain.RemoveAt(3);
        Assert.Equal(new ChainBreak(ChainBreakKind.Missing, 4, null), AuditChain.Verify(chain).Break);

        var first = Chain(3);
        first.RemoveAt(0);
        Assert.Equal(new ChainBreak(ChainBreakKind.Missing, 1, null), AuditChain.Verify(first).Break);
    }

    [Fact]
    public void Entries_swapped_in_place_break_at_the_first_of_them()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2] with { Sequence = 2 }, chain[1] with { Sequence = 3 });
        Assert.Equal(new ChainBreak(ChainBreakKind.Altered, 2, 103), AuditChain.Verify(chain).Break);

        var twice = Chain(3);
        twice.Insert(2, twice[1]);
        Assert.Equal(new ChainBreak(ChainBreakKind.Altered, 2, 102), AuditChain.Verify(twice).Break);
    }

    [Fact]
    public void An_anchor_catches_a_cut_tail_and_a_chain_rewritten_whole()
    {
        var chain = Chain(5);
        var anchor = new ChainAnchor(5, chain[^1].Hash);
        Assert.True(AuditChain.Verify(chain, anchor).Intact);

        // Without the anchor, losing the last entries looks like a shorter chain.
        var cut = chain.Take(3).ToList();
        Assert.True(AuditChain.Verify(cut).Intact);
        Assert.Equal(new ChainBreak(ChainBreakKind.Missing, 4, null), AuditChain.Verify(cut, anchor).Break);

        // Someone who recomputes every hash after an edit leaves a consistent chain, but not the anchored head.
        var records = chain.Select(c => c.Record).ToList();
        records[1] = records[1] with { After = """{"Name":"改过"}""" };
        var rewritten = records.Zip(AuditChain.Seal(0, AuditChain.Genesis, records), (r, l) => new SealedRecord(l.Sequence, l.Hash, r)).ToList();
        Assert.True(AuditChain.Verify(rewritten).Intact);
        Assert.Equal(new ChainBreak(ChainBreakKind.AnchorMismatch, 5, 105), AuditChain.Verify(rewritten, anchor).Break);
    }

    [Theory]
    [InlineData("5:8d01e135a11c96b505d1423a85ec9d729eab5cea397676df03b12c04e93913db", true)]
    [InlineData(" 5:8D01E135A11C96B505D1423A85EC9D729EAB5CEA397676DF03B12C04E93913DB ", true)]
    [InlineData("0:8d01e135a11c96b505d1423a85ec9d729eab5cea397676df03b12c04e93913db", false)]
    [InlineData("-1:8d01e135a11c96b505d1423a85ec9d729eab5cea397676df03b12c04e93913db", false)]
    [InlineData("5:8d01e135", false)]
    [InlineData("5:zz01e135a11c96b505d1423a85ec9d729eab5cea397676df03b12c04e93913db", false)]
    [InlineData("8d01e135a11c96b505d1423a85ec9d729eab5cea397676df03b12c04e93913db", false)]
    [InlineData(null, false)]
    public void An_anchor_is_written_sequence_colon_hash(string? text, bool valid)
    {
        var anchor = ChainAnchor.Parse(text);
        Assert.Equal(valid, anchor is not null);
        if (anchor is not null)
        {
            Assert.Equal("5:8d01e135a11c96b505d1423a85ec9d729eab5cea397676df03b12c04e93913db", anchor.ToString());
        }
    }
}
