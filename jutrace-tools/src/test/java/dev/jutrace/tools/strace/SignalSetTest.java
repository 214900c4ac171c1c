package dev.jutrace.tools.strace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class SignalSetTest {

    @Test
    void namesInAnyCaseWithOrWithoutSigAndNumbers() {
        BitSet s = SignalSet.parse("chld,SIGTERM,INT,sigusr1,0,255,RT_3");
        assertThat(s.stream().boxed().toList()).containsExactly(0, 2, 10, 15, 17, 35, 255);
    }

    @Test
    void negationAllAndNone() {
        assertThat(SignalSet.parse("all").cardinality()).isEqualTo(256);
        assertThat(SignalSet.parse("none").isEmpty()).isTrue();
        BitSet notChld = SignalSet.parse("!CHLD");
        assertThat(notChld.get(17)).isFalse();
        assertThat(notChld.get(2)).isTrue();
    }

    @Test
    void strace61sErrors() {
        assertThatThrownBy(() -> SignalSet.parse("FOO")).hasMessage("invalid signal 'FOO'");
        assertThatThrownBy(() -> SignalSet.parse("")).hasMessage("invalid signal ''");
        assertThatThrownBy(() -> SignalSet.parse("256")).hasMessage("invalid signal '256'");
        assertThatThrownBy(() -> SignalSet.parse("-1")).hasMessage("invalid signal '-1'");
        assertThatThrownBy(() -> SignalSet.parse("all,CHLD")).hasMessage("invalid signal 'all'");
        assertThatThrownBy(() -> SignalSet.parse("CHLD,!INT")).hasMessage("invalid signal '!INT'");
    }
}
