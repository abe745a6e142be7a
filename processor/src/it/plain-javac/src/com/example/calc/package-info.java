@WitWorld(world = "example:calc/calc", wit = "wit")
package com.example.calc;

import dev.wit4j.annotations.WitWorld;
